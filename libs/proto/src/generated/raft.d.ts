import * as $protobuf from "protobufjs";

/** Namespace mgmt. */
export namespace mgmt {

    /** Namespace raft. */
    namespace raft {

        /** EntryType enum. */
        enum EntryType {

            /** ENTRY_NORMAL value */
            ENTRY_NORMAL = 0,

            /** ENTRY_CONF_CHANGE value */
            ENTRY_CONF_CHANGE = 1
        }

        /**
         * Properties of an Entry.
         * @deprecated Use mgmt.raft.Entry.$Properties instead.
         */
        interface IEntry extends mgmt.raft.Entry.$Properties {
        }

        /** Represents an Entry. */
        class Entry {

            /**
             * Constructs a new Entry.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.Entry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Entry term. */
            term: number;

            /** Entry index. */
            index: number;

            /** Entry type. */
            type: mgmt.raft.EntryType;

            /** Entry data. */
            data: Uint8Array;

            /**
             * Creates a new Entry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Entry instance
             */
            static create(properties: mgmt.raft.Entry.$Shape): mgmt.raft.Entry & mgmt.raft.Entry.$Shape;
            static create(properties?: mgmt.raft.Entry.$Properties): mgmt.raft.Entry;

            /**
             * Encodes the specified Entry message. Does not implicitly {@link mgmt.raft.Entry.verify|verify} messages.
             * @param message Entry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.Entry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.Entry & mgmt.raft.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.Entry & mgmt.raft.Entry.$Shape;

            /**
             * Gets the type url for Entry
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Entry {

            /** Properties of an Entry. */
            interface $Properties {

                /** Entry term */
                term?: (number|null);

                /** Entry index */
                index?: (number|null);

                /** Entry type */
                type?: (mgmt.raft.EntryType|null);

                /** Entry data */
                data?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Entry. */
            type $Shape = mgmt.raft.Entry.$Properties;
        }

        /**
         * Properties of a HardState.
         * @deprecated Use mgmt.raft.HardState.$Properties instead.
         */
        interface IHardState extends mgmt.raft.HardState.$Properties {
        }

        /** Represents a HardState. */
        class HardState {

            /**
             * Constructs a new HardState.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.HardState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HardState term. */
            term: number;

            /** HardState vote. */
            vote: number;

            /** HardState commit. */
            commit: number;

            /**
             * Creates a new HardState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HardState instance
             */
            static create(properties: mgmt.raft.HardState.$Shape): mgmt.raft.HardState & mgmt.raft.HardState.$Shape;
            static create(properties?: mgmt.raft.HardState.$Properties): mgmt.raft.HardState;

            /**
             * Encodes the specified HardState message. Does not implicitly {@link mgmt.raft.HardState.verify|verify} messages.
             * @param message HardState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.HardState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HardState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.HardState & mgmt.raft.HardState.$Shape} HardState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.HardState & mgmt.raft.HardState.$Shape;

            /**
             * Gets the type url for HardState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HardState {

            /** Properties of a HardState. */
            interface $Properties {

                /** HardState term */
                term?: (number|null);

                /** HardState vote */
                vote?: (number|null);

                /** HardState commit */
                commit?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HardState. */
            type $Shape = mgmt.raft.HardState.$Properties;
        }

        /**
         * Properties of a ConfState.
         * @deprecated Use mgmt.raft.ConfState.$Properties instead.
         */
        interface IConfState extends mgmt.raft.ConfState.$Properties {
        }

        /** Represents a ConfState. */
        class ConfState {

            /**
             * Constructs a new ConfState.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.ConfState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConfState voters. */
            voters: number[];

            /** ConfState learners. */
            learners: number[];

            /** ConfState votersOutgoing. */
            votersOutgoing: number[];

            /** ConfState learnersNext. */
            learnersNext: number[];

            /** ConfState autoLeave. */
            autoLeave: boolean;

            /**
             * Creates a new ConfState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConfState instance
             */
            static create(properties: mgmt.raft.ConfState.$Shape): mgmt.raft.ConfState & mgmt.raft.ConfState.$Shape;
            static create(properties?: mgmt.raft.ConfState.$Properties): mgmt.raft.ConfState;

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link mgmt.raft.ConfState.verify|verify} messages.
             * @param message ConfState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.ConfState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.ConfState & mgmt.raft.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.ConfState & mgmt.raft.ConfState.$Shape;

            /**
             * Gets the type url for ConfState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ConfState {

            /** Properties of a ConfState. */
            interface $Properties {

                /** ConfState voters */
                voters?: (number[]|null);

                /** ConfState learners */
                learners?: (number[]|null);

                /** ConfState votersOutgoing */
                votersOutgoing?: (number[]|null);

                /** ConfState learnersNext */
                learnersNext?: (number[]|null);

                /** ConfState autoLeave */
                autoLeave?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConfState. */
            type $Shape = mgmt.raft.ConfState.$Properties;
        }

        /**
         * Properties of a SnapshotMetadata.
         * @deprecated Use mgmt.raft.SnapshotMetadata.$Properties instead.
         */
        interface ISnapshotMetadata extends mgmt.raft.SnapshotMetadata.$Properties {
        }

        /** Represents a SnapshotMetadata. */
        class SnapshotMetadata {

            /**
             * Constructs a new SnapshotMetadata.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.SnapshotMetadata.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SnapshotMetadata confState. */
            confState?: (mgmt.raft.ConfState.$Properties|null);

            /** SnapshotMetadata index. */
            index: number;

            /** SnapshotMetadata term. */
            term: number;

            /**
             * Creates a new SnapshotMetadata instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotMetadata instance
             */
            static create(properties: mgmt.raft.SnapshotMetadata.$Shape): mgmt.raft.SnapshotMetadata & mgmt.raft.SnapshotMetadata.$Shape;
            static create(properties?: mgmt.raft.SnapshotMetadata.$Properties): mgmt.raft.SnapshotMetadata;

            /**
             * Encodes the specified SnapshotMetadata message. Does not implicitly {@link mgmt.raft.SnapshotMetadata.verify|verify} messages.
             * @param message SnapshotMetadata message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.SnapshotMetadata.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotMetadata message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.SnapshotMetadata & mgmt.raft.SnapshotMetadata.$Shape} SnapshotMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.SnapshotMetadata & mgmt.raft.SnapshotMetadata.$Shape;

            /**
             * Gets the type url for SnapshotMetadata
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SnapshotMetadata {

            /** Properties of a SnapshotMetadata. */
            interface $Properties {

                /** SnapshotMetadata confState */
                confState?: (mgmt.raft.ConfState.$Properties|null);

                /** SnapshotMetadata index */
                index?: (number|null);

                /** SnapshotMetadata term */
                term?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SnapshotMetadata. */
            type $Shape = mgmt.raft.SnapshotMetadata.$Properties;
        }

        /**
         * Properties of a Snapshot.
         * @deprecated Use mgmt.raft.Snapshot.$Properties instead.
         */
        interface ISnapshot extends mgmt.raft.Snapshot.$Properties {
        }

        /** Represents a Snapshot. */
        class Snapshot {

            /**
             * Constructs a new Snapshot.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.Snapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Snapshot data. */
            data: Uint8Array;

            /** Snapshot metadata. */
            metadata?: (mgmt.raft.SnapshotMetadata.$Properties|null);

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Snapshot instance
             */
            static create(properties: mgmt.raft.Snapshot.$Shape): mgmt.raft.Snapshot & mgmt.raft.Snapshot.$Shape;
            static create(properties?: mgmt.raft.Snapshot.$Properties): mgmt.raft.Snapshot;

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link mgmt.raft.Snapshot.verify|verify} messages.
             * @param message Snapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.Snapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.Snapshot & mgmt.raft.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.Snapshot & mgmt.raft.Snapshot.$Shape;

            /**
             * Gets the type url for Snapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Snapshot {

            /** Properties of a Snapshot. */
            interface $Properties {

                /** Snapshot data */
                data?: (Uint8Array|null);

                /** Snapshot metadata */
                metadata?: (mgmt.raft.SnapshotMetadata.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Snapshot. */
            type $Shape = mgmt.raft.Snapshot.$Properties;
        }

        /** MessageType enum. */
        enum MessageType {

            /** MSG_HUP value */
            MSG_HUP = 0,

            /** MSG_BEAT value */
            MSG_BEAT = 1,

            /** MSG_PROP value */
            MSG_PROP = 2,

            /** MSG_APP value */
            MSG_APP = 3,

            /** MSG_APP_RESP value */
            MSG_APP_RESP = 4,

            /** MSG_VOTE value */
            MSG_VOTE = 5,

            /** MSG_VOTE_RESP value */
            MSG_VOTE_RESP = 6,

            /** MSG_SNAP value */
            MSG_SNAP = 7,

            /** MSG_HEARTBEAT value */
            MSG_HEARTBEAT = 8,

            /** MSG_HEARTBEAT_RESP value */
            MSG_HEARTBEAT_RESP = 9,

            /** MSG_UNREACHABLE value */
            MSG_UNREACHABLE = 10,

            /** MSG_SNAP_STATUS value */
            MSG_SNAP_STATUS = 11,

            /** MSG_CHECK_QUORUM value */
            MSG_CHECK_QUORUM = 12,

            /** MSG_TRANSFER_LEADER value */
            MSG_TRANSFER_LEADER = 13,

            /** MSG_TIMEOUT_NOW value */
            MSG_TIMEOUT_NOW = 14,

            /** MSG_READ_INDEX value */
            MSG_READ_INDEX = 15,

            /** MSG_READ_INDEX_RESP value */
            MSG_READ_INDEX_RESP = 16,

            /** MSG_PRE_VOTE value */
            MSG_PRE_VOTE = 17,

            /** MSG_PRE_VOTE_RESP value */
            MSG_PRE_VOTE_RESP = 18
        }

        /**
         * Properties of a Message.
         * @deprecated Use mgmt.raft.Message.$Properties instead.
         */
        interface IMessage extends mgmt.raft.Message.$Properties {
        }

        /** Represents a Message. */
        class Message {

            /**
             * Constructs a new Message.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.Message.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Message type. */
            type: mgmt.raft.MessageType;

            /** Message to. */
            to: number;

            /** Message from. */
            from: number;

            /** Message term. */
            term: number;

            /** Message logTerm. */
            logTerm: number;

            /** Message index. */
            index: number;

            /** Message entries. */
            entries: mgmt.raft.Entry.$Properties[];

            /** Message commit. */
            commit: number;

            /** Message snapshot. */
            snapshot?: (mgmt.raft.Snapshot.$Properties|null);

            /** Message reject. */
            reject: boolean;

            /** Message rejectHint. */
            rejectHint: number;

            /** Message context. */
            context: Uint8Array;

            /**
             * Creates a new Message instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Message instance
             */
            static create(properties: mgmt.raft.Message.$Shape): mgmt.raft.Message & mgmt.raft.Message.$Shape;
            static create(properties?: mgmt.raft.Message.$Properties): mgmt.raft.Message;

            /**
             * Encodes the specified Message message. Does not implicitly {@link mgmt.raft.Message.verify|verify} messages.
             * @param message Message message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.Message & mgmt.raft.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.Message & mgmt.raft.Message.$Shape;

            /**
             * Gets the type url for Message
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Message {

            /** Properties of a Message. */
            interface $Properties {

                /** Message type */
                type?: (mgmt.raft.MessageType|null);

                /** Message to */
                to?: (number|null);

                /** Message from */
                from?: (number|null);

                /** Message term */
                term?: (number|null);

                /** Message logTerm */
                logTerm?: (number|null);

                /** Message index */
                index?: (number|null);

                /** Message entries */
                entries?: (mgmt.raft.Entry.$Properties[]|null);

                /** Message commit */
                commit?: (number|null);

                /** Message snapshot */
                snapshot?: (mgmt.raft.Snapshot.$Properties|null);

                /** Message reject */
                reject?: (boolean|null);

                /** Message rejectHint */
                rejectHint?: (number|null);

                /** Message context */
                context?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Message. */
            type $Shape = mgmt.raft.Message.$Properties;
        }

        /** ConfChangeType enum. */
        enum ConfChangeType {

            /** CONF_CHANGE_ADD_NODE value */
            CONF_CHANGE_ADD_NODE = 0,

            /** CONF_CHANGE_REMOVE_NODE value */
            CONF_CHANGE_REMOVE_NODE = 1,

            /** CONF_CHANGE_UPDATE_NODE value */
            CONF_CHANGE_UPDATE_NODE = 2,

            /** CONF_CHANGE_ADD_LEARNER_NODE value */
            CONF_CHANGE_ADD_LEARNER_NODE = 3
        }

        /**
         * Properties of a ConfChange.
         * @deprecated Use mgmt.raft.ConfChange.$Properties instead.
         */
        interface IConfChange extends mgmt.raft.ConfChange.$Properties {
        }

        /** Represents a ConfChange. */
        class ConfChange {

            /**
             * Constructs a new ConfChange.
             * @param [properties] Properties to set
             */
            constructor(properties?: mgmt.raft.ConfChange.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConfChange type. */
            type: mgmt.raft.ConfChangeType;

            /** ConfChange nodeId. */
            nodeId: number;

            /** ConfChange context. */
            context: Uint8Array;

            /** ConfChange id. */
            id: number;

            /**
             * Creates a new ConfChange instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConfChange instance
             */
            static create(properties: mgmt.raft.ConfChange.$Shape): mgmt.raft.ConfChange & mgmt.raft.ConfChange.$Shape;
            static create(properties?: mgmt.raft.ConfChange.$Properties): mgmt.raft.ConfChange;

            /**
             * Encodes the specified ConfChange message. Does not implicitly {@link mgmt.raft.ConfChange.verify|verify} messages.
             * @param message ConfChange message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: mgmt.raft.ConfChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfChange message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {mgmt.raft.ConfChange & mgmt.raft.ConfChange.$Shape} ConfChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmt.raft.ConfChange & mgmt.raft.ConfChange.$Shape;

            /**
             * Gets the type url for ConfChange
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ConfChange {

            /** Properties of a ConfChange. */
            interface $Properties {

                /** ConfChange type */
                type?: (mgmt.raft.ConfChangeType|null);

                /** ConfChange nodeId */
                nodeId?: (number|null);

                /** ConfChange context */
                context?: (Uint8Array|null);

                /** ConfChange id */
                id?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConfChange. */
            type $Shape = mgmt.raft.ConfChange.$Properties;
        }
    }
}
