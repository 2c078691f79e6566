/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["etcd"] || ($protobuf.roots["etcd"] = {});

export const mgmtkv = $root.mgmtkv = (() => {

    /**
     * Namespace mgmtkv.
     * @exports mgmtkv
     * @namespace
     */
    const mgmtkv = {};

    mgmtkv.CommandHeader = (function() {

        /**
         * Properties of a CommandHeader.
         * @typedef {Object} mgmtkv.CommandHeader.$Properties
         * @property {number|null} [id] CommandHeader id
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CommandHeader.
         * @memberof mgmtkv
         * @interface ICommandHeader
         * @augments mgmtkv.CommandHeader.$Properties
         * @deprecated Use mgmtkv.CommandHeader.$Properties instead.
         */

        /**
         * Shape of a CommandHeader.
         * @typedef {mgmtkv.CommandHeader.$Properties} mgmtkv.CommandHeader.$Shape
         */

        /**
         * Constructs a new CommandHeader.
         * @memberof mgmtkv
         * @classdesc Represents a CommandHeader.
         * @constructor
         * @param {mgmtkv.CommandHeader.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CommandHeader = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CommandHeader id.
         * @member {number} id
         * @memberof mgmtkv.CommandHeader
         * @instance
         */
        CommandHeader.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new CommandHeader instance using the specified properties.
         * @function create
         * @memberof mgmtkv.CommandHeader
         * @static
         * @param {mgmtkv.CommandHeader.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.CommandHeader} CommandHeader instance
         * @type {{
         *   (properties: mgmtkv.CommandHeader.$Shape): mgmtkv.CommandHeader & mgmtkv.CommandHeader.$Shape;
         *   (properties?: mgmtkv.CommandHeader.$Properties): mgmtkv.CommandHeader;
         * }}
         */
        CommandHeader.create = function(properties) {
            return new CommandHeader(properties);
        };

        /**
         * Encodes the specified CommandHeader message. Does not implicitly {@link mgmtkv.CommandHeader.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.CommandHeader
         * @static
         * @param {mgmtkv.CommandHeader.$Properties} message CommandHeader message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CommandHeader.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CommandHeader message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.CommandHeader
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.CommandHeader & mgmtkv.CommandHeader.$Shape} CommandHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CommandHeader.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.CommandHeader();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for CommandHeader
         * @function getTypeUrl
         * @memberof mgmtkv.CommandHeader
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CommandHeader.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.CommandHeader";
        };

        return CommandHeader;
    })();

    mgmtkv.LeaseExpireRequest = (function() {

        /**
         * Properties of a LeaseExpireRequest.
         * @typedef {Object} mgmtkv.LeaseExpireRequest.$Properties
         * @property {Array.<number>|null} [IDs] LeaseExpireRequest IDs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseExpireRequest.
         * @memberof mgmtkv
         * @interface ILeaseExpireRequest
         * @augments mgmtkv.LeaseExpireRequest.$Properties
         * @deprecated Use mgmtkv.LeaseExpireRequest.$Properties instead.
         */

        /**
         * Shape of a LeaseExpireRequest.
         * @typedef {mgmtkv.LeaseExpireRequest.$Properties} mgmtkv.LeaseExpireRequest.$Shape
         */

        /**
         * Constructs a new LeaseExpireRequest.
         * @memberof mgmtkv
         * @classdesc Represents a LeaseExpireRequest.
         * @constructor
         * @param {mgmtkv.LeaseExpireRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseExpireRequest = function (properties) {
            this.IDs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseExpireRequest IDs.
         * @member {Array.<number>} IDs
         * @memberof mgmtkv.LeaseExpireRequest
         * @instance
         */
        LeaseExpireRequest.prototype.IDs = $util.emptyArray;

        /**
         * Creates a new LeaseExpireRequest instance using the specified properties.
         * @function create
         * @memberof mgmtkv.LeaseExpireRequest
         * @static
         * @param {mgmtkv.LeaseExpireRequest.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.LeaseExpireRequest} LeaseExpireRequest instance
         * @type {{
         *   (properties: mgmtkv.LeaseExpireRequest.$Shape): mgmtkv.LeaseExpireRequest & mgmtkv.LeaseExpireRequest.$Shape;
         *   (properties?: mgmtkv.LeaseExpireRequest.$Properties): mgmtkv.LeaseExpireRequest;
         * }}
         */
        LeaseExpireRequest.create = function(properties) {
            return new LeaseExpireRequest(properties);
        };

        /**
         * Encodes the specified LeaseExpireRequest message. Does not implicitly {@link mgmtkv.LeaseExpireRequest.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.LeaseExpireRequest
         * @static
         * @param {mgmtkv.LeaseExpireRequest.$Properties} message LeaseExpireRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseExpireRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.IDs != null && message.IDs.length)
                writer.uint32(/* id 1, wireType 2 =*/10).int64s(message.IDs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseExpireRequest message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.LeaseExpireRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.LeaseExpireRequest & mgmtkv.LeaseExpireRequest.$Shape} LeaseExpireRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseExpireRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.LeaseExpireRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType === 2) {
                            if (!(message.IDs && message.IDs.length))
                                message.IDs = [];
                            reader.int64s(message.IDs);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.IDs && message.IDs.length))
                            message.IDs = [];
                        message.IDs.push(reader.int64());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseExpireRequest
         * @function getTypeUrl
         * @memberof mgmtkv.LeaseExpireRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseExpireRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.LeaseExpireRequest";
        };

        return LeaseExpireRequest;
    })();

    mgmtkv.Command = (function() {

        /**
         * Properties of a Command.
         * @typedef {Object} mgmtkv.Command.$Properties
         * @property {number|null} [version] Command version
         * @property {mgmtkv.CommandHeader.$Properties|null} [header] Command header
         * @property {etcdserverpb.PutRequest.$Properties|null} [put] Command put
         * @property {etcdserverpb.DeleteRangeRequest.$Properties|null} [deleteRange] Command deleteRange
         * @property {etcdserverpb.TxnRequest.$Properties|null} [txn] Command txn
         * @property {etcdserverpb.CompactionRequest.$Properties|null} [compaction] Command compaction
         * @property {etcdserverpb.LeaseGrantRequest.$Properties|null} [leaseGrant] Command leaseGrant
         * @property {etcdserverpb.LeaseRevokeRequest.$Properties|null} [leaseRevoke] Command leaseRevoke
         * @property {mgmtkv.LeaseExpireRequest.$Properties|null} [leaseExpire] Command leaseExpire
         * @property {"put"|"deleteRange"|"txn"|"compaction"|"leaseGrant"|"leaseRevoke"|"leaseExpire"} [request] Command request
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Command.
         * @memberof mgmtkv
         * @interface ICommand
         * @augments mgmtkv.Command.$Properties
         * @deprecated Use mgmtkv.Command.$Properties instead.
         */

        /**
         * Narrowed shape of a Command.
         * @typedef {{
         *   version?: number|null;
         *   header?: mgmtkv.CommandHeader.$Shape|null;
         *   put?: etcdserverpb.PutRequest.$Shape|null;
         *   deleteRange?: etcdserverpb.DeleteRangeRequest.$Shape|null;
         *   txn?: etcdserverpb.TxnRequest.$Shape|null;
         *   compaction?: etcdserverpb.CompactionRequest.$Shape|null;
         *   leaseGrant?: etcdserverpb.LeaseGrantRequest.$Shape|null;
         *   leaseRevoke?: etcdserverpb.LeaseRevokeRequest.$Shape|null;
         *   leaseExpire?: mgmtkv.LeaseExpireRequest.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ request?: undefined; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null }|{ request?: "put"; put: etcdserverpb.PutRequest.$Shape; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null }|{ request?: "deleteRange"; put?: null; deleteRange: etcdserverpb.DeleteRangeRequest.$Shape; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null }|{ request?: "txn"; put?: null; deleteRange?: null; txn: etcdserverpb.TxnRequest.$Shape; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null }|{ request?: "compaction"; put?: null; deleteRange?: null; txn?: null; compaction: etcdserverpb.CompactionRequest.$Shape; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null }|{ request?: "leaseGrant"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant: etcdserverpb.LeaseGrantRequest.$Shape; leaseRevoke?: null; leaseExpire?: null }|{ request?: "leaseRevoke"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke: etcdserverpb.LeaseRevokeRequest.$Shape; leaseExpire?: null }|{ request?: "leaseExpire"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire: mgmtkv.LeaseExpireRequest.$Shape })
         * )} mgmtkv.Command.$Shape
         */

        /**
         * Constructs a new Command.
         * @memberof mgmtkv
         * @classdesc Represents a Command.
         * @constructor
         * @param {mgmtkv.Command.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Command = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Command version.
         * @member {number} version
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.version = 0;

        /**
         * Command header.
         * @member {mgmtkv.CommandHeader.$Properties|null|undefined} header
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.header = null;

        /**
         * Command put.
         * @member {etcdserverpb.PutRequest.$Properties|null|undefined} put
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.put = null;

        /**
         * Command deleteRange.
         * @member {etcdserverpb.DeleteRangeRequest.$Properties|null|undefined} deleteRange
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.deleteRange = null;

        /**
         * Command txn.
         * @member {etcdserverpb.TxnRequest.$Properties|null|undefined} txn
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.txn = null;

        /**
         * Command compaction.
         * @member {etcdserverpb.CompactionRequest.$Properties|null|undefined} compaction
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.compaction = null;

        /**
         * Command leaseGrant.
         * @member {etcdserverpb.LeaseGrantRequest.$Properties|null|undefined} leaseGrant
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.leaseGrant = null;

        /**
         * Command leaseRevoke.
         * @member {etcdserverpb.LeaseRevokeRequest.$Properties|null|undefined} leaseRevoke
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.leaseRevoke = null;

        /**
         * Command leaseExpire.
         * @member {mgmtkv.LeaseExpireRequest.$Properties|null|undefined} leaseExpire
         * @memberof mgmtkv.Command
         * @instance
         */
        Command.prototype.leaseExpire = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Command request.
         * @member {"put"|"deleteRange"|"txn"|"compaction"|"leaseGrant"|"leaseRevoke"|"leaseExpire"|undefined} request
         * @memberof mgmtkv.Command
         * @instance
         */
        $Object.defineProperty(Command.prototype, "request", {
            get: $util.oneOfGetter($oneOfFields = ["put", "deleteRange", "txn", "compaction", "leaseGrant", "leaseRevoke", "leaseExpire"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Command instance using the specified properties.
         * @function create
         * @memberof mgmtkv.Command
         * @static
         * @param {mgmtkv.Command.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.Command} Command instance
         * @type {{
         *   (properties: mgmtkv.Command.$Shape): mgmtkv.Command & mgmtkv.Command.$Shape;
         *   (properties?: mgmtkv.Command.$Properties): mgmtkv.Command;
         * }}
         */
        Command.create = function(properties) {
            return new Command(properties);
        };

        /**
         * Encodes the specified Command message. Does not implicitly {@link mgmtkv.Command.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.Command
         * @static
         * @param {mgmtkv.Command.$Properties} message Command message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Command.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.mgmtkv.CommandHeader.encode(message.header, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.put != null && $Object.hasOwnProperty.call(message, "put"))
                $root.etcdserverpb.PutRequest.encode(message.put, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.deleteRange != null && $Object.hasOwnProperty.call(message, "deleteRange"))
                $root.etcdserverpb.DeleteRangeRequest.encode(message.deleteRange, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.txn != null && $Object.hasOwnProperty.call(message, "txn"))
                $root.etcdserverpb.TxnRequest.encode(message.txn, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.compaction != null && $Object.hasOwnProperty.call(message, "compaction"))
                $root.etcdserverpb.CompactionRequest.encode(message.compaction, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.leaseGrant != null && $Object.hasOwnProperty.call(message, "leaseGrant"))
                $root.etcdserverpb.LeaseGrantRequest.encode(message.leaseGrant, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.leaseRevoke != null && $Object.hasOwnProperty.call(message, "leaseRevoke"))
                $root.etcdserverpb.LeaseRevokeRequest.encode(message.leaseRevoke, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.leaseExpire != null && $Object.hasOwnProperty.call(message, "leaseExpire"))
                $root.mgmtkv.LeaseExpireRequest.encode(message.leaseExpire, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Command message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.Command
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.Command & mgmtkv.Command.$Shape} Command
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Command.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.Command();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.mgmtkv.CommandHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.put = $root.etcdserverpb.PutRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.put);
                        message.request = "put";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.deleteRange = $root.etcdserverpb.DeleteRangeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.deleteRange);
                        message.request = "deleteRange";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.txn = $root.etcdserverpb.TxnRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.txn);
                        message.request = "txn";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.compaction = $root.etcdserverpb.CompactionRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.compaction);
                        message.request = "compaction";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.leaseGrant = $root.etcdserverpb.LeaseGrantRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.leaseGrant);
                        message.request = "leaseGrant";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.leaseRevoke = $root.etcdserverpb.LeaseRevokeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.leaseRevoke);
                        message.request = "leaseRevoke";
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.leaseExpire = $root.mgmtkv.LeaseExpireRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.leaseExpire);
                        message.request = "leaseExpire";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Command
         * @function getTypeUrl
         * @memberof mgmtkv.Command
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Command.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.Command";
        };

        return Command;
    })();

    mgmtkv.KeyRecord = (function() {

        /**
         * Properties of a KeyRecord.
         * @typedef {Object} mgmtkv.KeyRecord.$Properties
         * @property {number|null} [modRevision] KeyRecord modRevision
         * @property {number|null} [subRevision] KeyRecord subRevision
         * @property {number|null} [createRevision] KeyRecord createRevision
         * @property {number|null} [version] KeyRecord version
         * @property {Uint8Array|null} [value] KeyRecord value
         * @property {number|null} [lease] KeyRecord lease
         * @property {boolean|null} [tombstone] KeyRecord tombstone
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KeyRecord.
         * @memberof mgmtkv
         * @interface IKeyRecord
         * @augments mgmtkv.KeyRecord.$Properties
         * @deprecated Use mgmtkv.KeyRecord.$Properties instead.
         */

        /**
         * Shape of a KeyRecord.
         * @typedef {mgmtkv.KeyRecord.$Properties} mgmtkv.KeyRecord.$Shape
         */

        /**
         * Constructs a new KeyRecord.
         * @memberof mgmtkv
         * @classdesc Represents a KeyRecord.
         * @constructor
         * @param {mgmtkv.KeyRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KeyRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KeyRecord modRevision.
         * @member {number} modRevision
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.modRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyRecord subRevision.
         * @member {number} subRevision
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.subRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyRecord createRevision.
         * @member {number} createRevision
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.createRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyRecord version.
         * @member {number} version
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.version = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyRecord value.
         * @member {Uint8Array} value
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.value = $util.newBuffer([]);

        /**
         * KeyRecord lease.
         * @member {number} lease
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.lease = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyRecord tombstone.
         * @member {boolean} tombstone
         * @memberof mgmtkv.KeyRecord
         * @instance
         */
        KeyRecord.prototype.tombstone = false;

        /**
         * Creates a new KeyRecord instance using the specified properties.
         * @function create
         * @memberof mgmtkv.KeyRecord
         * @static
         * @param {mgmtkv.KeyRecord.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.KeyRecord} KeyRecord instance
         * @type {{
         *   (properties: mgmtkv.KeyRecord.$Shape): mgmtkv.KeyRecord & mgmtkv.KeyRecord.$Shape;
         *   (properties?: mgmtkv.KeyRecord.$Properties): mgmtkv.KeyRecord;
         * }}
         */
        KeyRecord.create = function(properties) {
            return new KeyRecord(properties);
        };

        /**
         * Encodes the specified KeyRecord message. Does not implicitly {@link mgmtkv.KeyRecord.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.KeyRecord
         * @static
         * @param {mgmtkv.KeyRecord.$Properties} message KeyRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KeyRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.modRevision != null && $Object.hasOwnProperty.call(message, "modRevision") && (typeof message.modRevision === "object" ? message.modRevision.low || message.modRevision.high : message.modRevision !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.modRevision);
            if (message.subRevision != null && $Object.hasOwnProperty.call(message, "subRevision") && (typeof message.subRevision === "object" ? message.subRevision.low || message.subRevision.high : message.subRevision !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.subRevision);
            if (message.createRevision != null && $Object.hasOwnProperty.call(message, "createRevision") && (typeof message.createRevision === "object" ? message.createRevision.low || message.createRevision.high : message.createRevision !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.createRevision);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.version);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.value);
            if (message.lease != null && $Object.hasOwnProperty.call(message, "lease") && (typeof message.lease === "object" ? message.lease.low || message.lease.high : message.lease !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).int64(message.lease);
            if (message.tombstone != null && $Object.hasOwnProperty.call(message, "tombstone") && message.tombstone !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.tombstone);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KeyRecord message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.KeyRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.KeyRecord & mgmtkv.KeyRecord.$Shape} KeyRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KeyRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.KeyRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.modRevision = value;
                        else
                            delete message.modRevision;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.subRevision = value;
                        else
                            delete message.subRevision;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.createRevision = value;
                        else
                            delete message.createRevision;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.value = value;
                        else
                            delete message.value;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.lease = value;
                        else
                            delete message.lease;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.tombstone = value;
                        else
                            delete message.tombstone;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for KeyRecord
         * @function getTypeUrl
         * @memberof mgmtkv.KeyRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KeyRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.KeyRecord";
        };

        return KeyRecord;
    })();

    mgmtkv.KeyHistory = (function() {

        /**
         * Properties of a KeyHistory.
         * @typedef {Object} mgmtkv.KeyHistory.$Properties
         * @property {Uint8Array|null} [key] KeyHistory key
         * @property {Array.<mgmtkv.KeyRecord.$Properties>|null} [records] KeyHistory records
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KeyHistory.
         * @memberof mgmtkv
         * @interface IKeyHistory
         * @augments mgmtkv.KeyHistory.$Properties
         * @deprecated Use mgmtkv.KeyHistory.$Properties instead.
         */

        /**
         * Shape of a KeyHistory.
         * @typedef {mgmtkv.KeyHistory.$Properties} mgmtkv.KeyHistory.$Shape
         */

        /**
         * Constructs a new KeyHistory.
         * @memberof mgmtkv
         * @classdesc Represents a KeyHistory.
         * @constructor
         * @param {mgmtkv.KeyHistory.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KeyHistory = function (properties) {
            this.records = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KeyHistory key.
         * @member {Uint8Array} key
         * @memberof mgmtkv.KeyHistory
         * @instance
         */
        KeyHistory.prototype.key = $util.newBuffer([]);

        /**
         * KeyHistory records.
         * @member {Array.<mgmtkv.KeyRecord.$Properties>} records
         * @memberof mgmtkv.KeyHistory
         * @instance
         */
        KeyHistory.prototype.records = $util.emptyArray;

        /**
         * Creates a new KeyHistory instance using the specified properties.
         * @function create
         * @memberof mgmtkv.KeyHistory
         * @static
         * @param {mgmtkv.KeyHistory.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.KeyHistory} KeyHistory instance
         * @type {{
         *   (properties: mgmtkv.KeyHistory.$Shape): mgmtkv.KeyHistory & mgmtkv.KeyHistory.$Shape;
         *   (properties?: mgmtkv.KeyHistory.$Properties): mgmtkv.KeyHistory;
         * }}
         */
        KeyHistory.create = function(properties) {
            return new KeyHistory(properties);
        };

        /**
         * Encodes the specified KeyHistory message. Does not implicitly {@link mgmtkv.KeyHistory.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.KeyHistory
         * @static
         * @param {mgmtkv.KeyHistory.$Properties} message KeyHistory message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KeyHistory.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.records != null && message.records.length)
                for (let i = 0; i < message.records.length; ++i)
                    $root.mgmtkv.KeyRecord.encode(message.records[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KeyHistory message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.KeyHistory
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.KeyHistory & mgmtkv.KeyHistory.$Shape} KeyHistory
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KeyHistory.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.KeyHistory();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.records && message.records.length))
                            message.records = [];
                        message.records.push($root.mgmtkv.KeyRecord.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for KeyHistory
         * @function getTypeUrl
         * @memberof mgmtkv.KeyHistory
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KeyHistory.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.KeyHistory";
        };

        return KeyHistory;
    })();

    mgmtkv.LeaseRecord = (function() {

        /**
         * Properties of a LeaseRecord.
         * @typedef {Object} mgmtkv.LeaseRecord.$Properties
         * @property {number|null} [ID] LeaseRecord ID
         * @property {number|null} [TTL] LeaseRecord TTL
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseRecord.
         * @memberof mgmtkv
         * @interface ILeaseRecord
         * @augments mgmtkv.LeaseRecord.$Properties
         * @deprecated Use mgmtkv.LeaseRecord.$Properties instead.
         */

        /**
         * Shape of a LeaseRecord.
         * @typedef {mgmtkv.LeaseRecord.$Properties} mgmtkv.LeaseRecord.$Shape
         */

        /**
         * Constructs a new LeaseRecord.
         * @memberof mgmtkv
         * @classdesc Represents a LeaseRecord.
         * @constructor
         * @param {mgmtkv.LeaseRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseRecord = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseRecord ID.
         * @member {number} ID
         * @memberof mgmtkv.LeaseRecord
         * @instance
         */
        LeaseRecord.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseRecord TTL.
         * @member {number} TTL
         * @memberof mgmtkv.LeaseRecord
         * @instance
         */
        LeaseRecord.prototype.TTL = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new LeaseRecord instance using the specified properties.
         * @function create
         * @memberof mgmtkv.LeaseRecord
         * @static
         * @param {mgmtkv.LeaseRecord.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.LeaseRecord} LeaseRecord instance
         * @type {{
         *   (properties: mgmtkv.LeaseRecord.$Shape): mgmtkv.LeaseRecord & mgmtkv.LeaseRecord.$Shape;
         *   (properties?: mgmtkv.LeaseRecord.$Properties): mgmtkv.LeaseRecord;
         * }}
         */
        LeaseRecord.create = function(properties) {
            return new LeaseRecord(properties);
        };

        /**
         * Encodes the specified LeaseRecord message. Does not implicitly {@link mgmtkv.LeaseRecord.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.LeaseRecord
         * @static
         * @param {mgmtkv.LeaseRecord.$Properties} message LeaseRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.ID);
            if (message.TTL != null && $Object.hasOwnProperty.call(message, "TTL") && (typeof message.TTL === "object" ? message.TTL.low || message.TTL.high : message.TTL !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.TTL);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseRecord message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.LeaseRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.LeaseRecord & mgmtkv.LeaseRecord.$Shape} LeaseRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.LeaseRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.TTL = value;
                        else
                            delete message.TTL;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseRecord
         * @function getTypeUrl
         * @memberof mgmtkv.LeaseRecord
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseRecord.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.LeaseRecord";
        };

        return LeaseRecord;
    })();

    mgmtkv.StoreSnapshot = (function() {

        /**
         * Properties of a StoreSnapshot.
         * @typedef {Object} mgmtkv.StoreSnapshot.$Properties
         * @property {number|null} [version] StoreSnapshot version
         * @property {number|null} [revision] StoreSnapshot revision
         * @property {number|null} [compactRevision] StoreSnapshot compactRevision
         * @property {Array.<mgmtkv.KeyHistory.$Properties>|null} [keys] StoreSnapshot keys
         * @property {Array.<mgmtkv.LeaseRecord.$Properties>|null} [leases] StoreSnapshot leases
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StoreSnapshot.
         * @memberof mgmtkv
         * @interface IStoreSnapshot
         * @augments mgmtkv.StoreSnapshot.$Properties
         * @deprecated Use mgmtkv.StoreSnapshot.$Properties instead.
         */

        /**
         * Shape of a StoreSnapshot.
         * @typedef {mgmtkv.StoreSnapshot.$Properties} mgmtkv.StoreSnapshot.$Shape
         */

        /**
         * Constructs a new StoreSnapshot.
         * @memberof mgmtkv
         * @classdesc Represents a StoreSnapshot.
         * @constructor
         * @param {mgmtkv.StoreSnapshot.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StoreSnapshot = function (properties) {
            this.keys = [];
            this.leases = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StoreSnapshot version.
         * @member {number} version
         * @memberof mgmtkv.StoreSnapshot
         * @instance
         */
        StoreSnapshot.prototype.version = 0;

        /**
         * StoreSnapshot revision.
         * @member {number} revision
         * @memberof mgmtkv.StoreSnapshot
         * @instance
         */
        StoreSnapshot.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * StoreSnapshot compactRevision.
         * @member {number} compactRevision
         * @memberof mgmtkv.StoreSnapshot
         * @instance
         */
        StoreSnapshot.prototype.compactRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * StoreSnapshot keys.
         * @member {Array.<mgmtkv.KeyHistory.$Properties>} keys
         * @memberof mgmtkv.StoreSnapshot
         * @instance
         */
        StoreSnapshot.prototype.keys = $util.emptyArray;

        /**
         * StoreSnapshot leases.
         * @member {Array.<mgmtkv.LeaseRecord.$Properties>} leases
         * @memberof mgmtkv.StoreSnapshot
         * @instance
         */
        StoreSnapshot.prototype.leases = $util.emptyArray;

        /**
         * Creates a new StoreSnapshot instance using the specified properties.
         * @function create
         * @memberof mgmtkv.StoreSnapshot
         * @static
         * @param {mgmtkv.StoreSnapshot.$Properties=} [properties] Properties to set
         * @returns {mgmtkv.StoreSnapshot} StoreSnapshot instance
         * @type {{
         *   (properties: mgmtkv.StoreSnapshot.$Shape): mgmtkv.StoreSnapshot & mgmtkv.StoreSnapshot.$Shape;
         *   (properties?: mgmtkv.StoreSnapshot.$Properties): mgmtkv.StoreSnapshot;
         * }}
         */
        StoreSnapshot.create = function(properties) {
            return new StoreSnapshot(properties);
        };

        /**
         * Encodes the specified StoreSnapshot message. Does not implicitly {@link mgmtkv.StoreSnapshot.verify|verify} messages.
         * @function encode
         * @memberof mgmtkv.StoreSnapshot
         * @static
         * @param {mgmtkv.StoreSnapshot.$Properties} message StoreSnapshot message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StoreSnapshot.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.revision);
            if (message.compactRevision != null && $Object.hasOwnProperty.call(message, "compactRevision") && (typeof message.compactRevision === "object" ? message.compactRevision.low || message.compactRevision.high : message.compactRevision !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.compactRevision);
            if (message.keys != null && message.keys.length)
                for (let i = 0; i < message.keys.length; ++i)
                    $root.mgmtkv.KeyHistory.encode(message.keys[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.leases != null && message.leases.length)
                for (let i = 0; i < message.leases.length; ++i)
                    $root.mgmtkv.LeaseRecord.encode(message.leases[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StoreSnapshot message from the specified reader or buffer.
         * @function decode
         * @memberof mgmtkv.StoreSnapshot
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mgmtkv.StoreSnapshot & mgmtkv.StoreSnapshot.$Shape} StoreSnapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StoreSnapshot.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mgmtkv.StoreSnapshot();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.compactRevision = value;
                        else
                            delete message.compactRevision;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.keys && message.keys.length))
                            message.keys = [];
                        message.keys.push($root.mgmtkv.KeyHistory.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.leases && message.leases.length))
                            message.leases = [];
                        message.leases.push($root.mgmtkv.LeaseRecord.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for StoreSnapshot
         * @function getTypeUrl
         * @memberof mgmtkv.StoreSnapshot
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        StoreSnapshot.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mgmtkv.StoreSnapshot";
        };

        return StoreSnapshot;
    })();

    return mgmtkv;
})();

export const etcdserverpb = $root.etcdserverpb = (() => {

    /**
     * Namespace etcdserverpb.
     * @exports etcdserverpb
     * @namespace
     */
    const etcdserverpb = {};

    etcdserverpb.KV = (function() {

        /**
         * Constructs a new KV service.
         * @memberof etcdserverpb
         * @classdesc Represents a KV
         * @extends $protobuf.rpc.Service
         * @constructor
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         */
        const KV = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(KV.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: KV, writable: true, enumerable: false, configurable: true });

        /**
         * Creates new KV service using the specified rpc implementation.
         * @function create
         * @memberof etcdserverpb.KV
         * @static
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         * @returns {KV} RPC service. Useful where requests and/or responses are streamed.
         */
        KV.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#range}.
         * @memberof etcdserverpb.KV
         * @typedef RangeCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.RangeResponse} [response] RangeResponse
         */

        /**
         * Calls Range.
         * @memberof etcdserverpb.KV
         * @typedef Range
         * @type {{
         *   (request: etcdserverpb.IRangeRequest, callback: etcdserverpb.KV.RangeCallback): void;
         *   (request: etcdserverpb.IRangeRequest): Promise<etcdserverpb.RangeResponse>;
         *   readonly name: "Range";
         *   readonly path: "/etcdserverpb.KV/Range";
         *   readonly requestType: "RangeRequest";
         *   readonly responseType: "RangeResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Range.
         * @name etcdserverpb.KV#range
         * @type {etcdserverpb.KV.Range}
         */
        $Object.defineProperties(KV.prototype.range = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, KV.prototype.range, $root.etcdserverpb.RangeRequest, $root.etcdserverpb.RangeResponse, request, callback);
        }, {
            name: { value: "Range" },
            path: { value: "/etcdserverpb.KV/Range" },
            requestType: { value: "RangeRequest" },
            responseType: { value: "RangeResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.KV#put}.
         * @memberof etcdserverpb.KV
         * @typedef PutCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.PutResponse} [response] PutResponse
         */

        /**
         * Calls Put.
         * @memberof etcdserverpb.KV
         * @typedef Put
         * @type {{
         *   (request: etcdserverpb.IPutRequest, callback: etcdserverpb.KV.PutCallback): void;
         *   (request: etcdserverpb.IPutRequest): Promise<etcdserverpb.PutResponse>;
         *   readonly name: "Put";
         *   readonly path: "/etcdserverpb.KV/Put";
         *   readonly requestType: "PutRequest";
         *   readonly responseType: "PutResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Put.
         * @name etcdserverpb.KV#put
         * @type {etcdserverpb.KV.Put}
         */
        $Object.defineProperties(KV.prototype.put = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, KV.prototype.put, $root.etcdserverpb.PutRequest, $root.etcdserverpb.PutResponse, request, callback);
        }, {
            name: { value: "Put" },
            path: { value: "/etcdserverpb.KV/Put" },
            requestType: { value: "PutRequest" },
            responseType: { value: "PutResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.KV#deleteRange}.
         * @memberof etcdserverpb.KV
         * @typedef DeleteRangeCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.DeleteRangeResponse} [response] DeleteRangeResponse
         */

        /**
         * Calls DeleteRange.
         * @memberof etcdserverpb.KV
         * @typedef DeleteRange
         * @type {{
         *   (request: etcdserverpb.IDeleteRangeRequest, callback: etcdserverpb.KV.DeleteRangeCallback): void;
         *   (request: etcdserverpb.IDeleteRangeRequest): Promise<etcdserverpb.DeleteRangeResponse>;
         *   readonly name: "DeleteRange";
         *   readonly path: "/etcdserverpb.KV/DeleteRange";
         *   readonly requestType: "DeleteRangeRequest";
         *   readonly responseType: "DeleteRangeResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls DeleteRange.
         * @name etcdserverpb.KV#deleteRange
         * @type {etcdserverpb.KV.DeleteRange}
         */
        $Object.defineProperties(KV.prototype.deleteRange = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, KV.prototype.deleteRange, $root.etcdserverpb.DeleteRangeRequest, $root.etcdserverpb.DeleteRangeResponse, request, callback);
        }, {
            name: { value: "DeleteRange" },
            path: { value: "/etcdserverpb.KV/DeleteRange" },
            requestType: { value: "DeleteRangeRequest" },
            responseType: { value: "DeleteRangeResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.KV#txn}.
         * @memberof etcdserverpb.KV
         * @typedef TxnCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.TxnResponse} [response] TxnResponse
         */

        /**
         * Calls Txn.
         * @memberof etcdserverpb.KV
         * @typedef Txn
         * @type {{
         *   (request: etcdserverpb.ITxnRequest, callback: etcdserverpb.KV.TxnCallback): void;
         *   (request: etcdserverpb.ITxnRequest): Promise<etcdserverpb.TxnResponse>;
         *   readonly name: "Txn";
         *   readonly path: "/etcdserverpb.KV/Txn";
         *   readonly requestType: "TxnRequest";
         *   readonly responseType: "TxnResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Txn.
         * @name etcdserverpb.KV#txn
         * @type {etcdserverpb.KV.Txn}
         */
        $Object.defineProperties(KV.prototype.txn = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, KV.prototype.txn, $root.etcdserverpb.TxnRequest, $root.etcdserverpb.TxnResponse, request, callback);
        }, {
            name: { value: "Txn" },
            path: { value: "/etcdserverpb.KV/Txn" },
            requestType: { value: "TxnRequest" },
            responseType: { value: "TxnResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.KV#compact}.
         * @memberof etcdserverpb.KV
         * @typedef CompactCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.CompactionResponse} [response] CompactionResponse
         */

        /**
         * Calls Compact.
         * @memberof etcdserverpb.KV
         * @typedef Compact
         * @type {{
         *   (request: etcdserverpb.ICompactionRequest, callback: etcdserverpb.KV.CompactCallback): void;
         *   (request: etcdserverpb.ICompactionRequest): Promise<etcdserverpb.CompactionResponse>;
         *   readonly name: "Compact";
         *   readonly path: "/etcdserverpb.KV/Compact";
         *   readonly requestType: "CompactionRequest";
         *   readonly responseType: "CompactionResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Compact.
         * @name etcdserverpb.KV#compact
         * @type {etcdserverpb.KV.Compact}
         */
        $Object.defineProperties(KV.prototype.compact = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, KV.prototype.compact, $root.etcdserverpb.CompactionRequest, $root.etcdserverpb.CompactionResponse, request, callback);
        }, {
            name: { value: "Compact" },
            path: { value: "/etcdserverpb.KV/Compact" },
            requestType: { value: "CompactionRequest" },
            responseType: { value: "CompactionResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        return KV;
    })();

    etcdserverpb.Watch = (function() {

        /**
         * Constructs a new Watch service.
         * @memberof etcdserverpb
         * @classdesc Represents a Watch
         * @extends $protobuf.rpc.Service
         * @constructor
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         */
        const Watch = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(Watch.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Watch, writable: true, enumerable: false, configurable: true });

        /**
         * Creates new Watch service using the specified rpc implementation.
         * @function create
         * @memberof etcdserverpb.Watch
         * @static
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         * @returns {Watch} RPC service. Useful where requests and/or responses are streamed.
         */
        Watch.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };

        /**
         * Callback as used by {@link etcdserverpb.Watch#watch}.
         * @memberof etcdserverpb.Watch
         * @typedef WatchCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.WatchResponse} [response] WatchResponse
         */

        /**
         * Calls Watch.
         * @memberof etcdserverpb.Watch
         * @typedef Watch
         * @type {{
         *   (request: etcdserverpb.IWatchRequest, callback: etcdserverpb.Watch.WatchCallback): void;
         *   (request: etcdserverpb.IWatchRequest): Promise<etcdserverpb.WatchResponse>;
         *   readonly name: "Watch";
         *   readonly path: "/etcdserverpb.Watch/Watch";
         *   readonly requestType: "WatchRequest";
         *   readonly responseType: "WatchResponse";
         *   readonly requestStream: true;
         *   readonly responseStream: true;
         * }}
         */

        /**
         * Calls Watch.
         * @name etcdserverpb.Watch#watch
         * @type {etcdserverpb.Watch.Watch}
         */
        $Object.defineProperties(Watch.prototype.watch = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Watch.prototype.watch, $root.etcdserverpb.WatchRequest, $root.etcdserverpb.WatchResponse, request, callback);
        }, {
            name: { value: "Watch" },
            path: { value: "/etcdserverpb.Watch/Watch" },
            requestType: { value: "WatchRequest" },
            responseType: { value: "WatchResponse" },
            requestStream: { value: true },
            responseStream: { value: true }
        });

        return Watch;
    })();

    etcdserverpb.Lease = (function() {

        /**
         * Constructs a new Lease service.
         * @memberof etcdserverpb
         * @classdesc Represents a Lease
         * @extends $protobuf.rpc.Service
         * @constructor
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         */
        const Lease = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(Lease.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Lease, writable: true, enumerable: false, configurable: true });

        /**
         * Creates new Lease service using the specified rpc implementation.
         * @function create
         * @memberof etcdserverpb.Lease
         * @static
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         * @returns {Lease} RPC service. Useful where requests and/or responses are streamed.
         */
        Lease.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseGrant}.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseGrantCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.LeaseGrantResponse} [response] LeaseGrantResponse
         */

        /**
         * Calls LeaseGrant.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseGrant
         * @type {{
         *   (request: etcdserverpb.ILeaseGrantRequest, callback: etcdserverpb.Lease.LeaseGrantCallback): void;
         *   (request: etcdserverpb.ILeaseGrantRequest): Promise<etcdserverpb.LeaseGrantResponse>;
         *   readonly name: "LeaseGrant";
         *   readonly path: "/etcdserverpb.Lease/LeaseGrant";
         *   readonly requestType: "LeaseGrantRequest";
         *   readonly responseType: "LeaseGrantResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls LeaseGrant.
         * @name etcdserverpb.Lease#leaseGrant
         * @type {etcdserverpb.Lease.LeaseGrant}
         */
        $Object.defineProperties(Lease.prototype.leaseGrant = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Lease.prototype.leaseGrant, $root.etcdserverpb.LeaseGrantRequest, $root.etcdserverpb.LeaseGrantResponse, request, callback);
        }, {
            name: { value: "LeaseGrant" },
            path: { value: "/etcdserverpb.Lease/LeaseGrant" },
            requestType: { value: "LeaseGrantRequest" },
            responseType: { value: "LeaseGrantResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseRevoke}.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseRevokeCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.LeaseRevokeResponse} [response] LeaseRevokeResponse
         */

        /**
         * Calls LeaseRevoke.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseRevoke
         * @type {{
         *   (request: etcdserverpb.ILeaseRevokeRequest, callback: etcdserverpb.Lease.LeaseRevokeCallback): void;
         *   (request: etcdserverpb.ILeaseRevokeRequest): Promise<etcdserverpb.LeaseRevokeResponse>;
         *   readonly name: "LeaseRevoke";
         *   readonly path: "/etcdserverpb.Lease/LeaseRevoke";
         *   readonly requestType: "LeaseRevokeRequest";
         *   readonly responseType: "LeaseRevokeResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls LeaseRevoke.
         * @name etcdserverpb.Lease#leaseRevoke
         * @type {etcdserverpb.Lease.LeaseRevoke}
         */
        $Object.defineProperties(Lease.prototype.leaseRevoke = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Lease.prototype.leaseRevoke, $root.etcdserverpb.LeaseRevokeRequest, $root.etcdserverpb.LeaseRevokeResponse, request, callback);
        }, {
            name: { value: "LeaseRevoke" },
            path: { value: "/etcdserverpb.Lease/LeaseRevoke" },
            requestType: { value: "LeaseRevokeRequest" },
            responseType: { value: "LeaseRevokeResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseKeepAlive}.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseKeepAliveCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.LeaseKeepAliveResponse} [response] LeaseKeepAliveResponse
         */

        /**
         * Calls LeaseKeepAlive.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseKeepAlive
         * @type {{
         *   (request: etcdserverpb.ILeaseKeepAliveRequest, callback: etcdserverpb.Lease.LeaseKeepAliveCallback): void;
         *   (request: etcdserverpb.ILeaseKeepAliveRequest): Promise<etcdserverpb.LeaseKeepAliveResponse>;
         *   readonly name: "LeaseKeepAlive";
         *   readonly path: "/etcdserverpb.Lease/LeaseKeepAlive";
         *   readonly requestType: "LeaseKeepAliveRequest";
         *   readonly responseType: "LeaseKeepAliveResponse";
         *   readonly requestStream: true;
         *   readonly responseStream: true;
         * }}
         */

        /**
         * Calls LeaseKeepAlive.
         * @name etcdserverpb.Lease#leaseKeepAlive
         * @type {etcdserverpb.Lease.LeaseKeepAlive}
         */
        $Object.defineProperties(Lease.prototype.leaseKeepAlive = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Lease.prototype.leaseKeepAlive, $root.etcdserverpb.LeaseKeepAliveRequest, $root.etcdserverpb.LeaseKeepAliveResponse, request, callback);
        }, {
            name: { value: "LeaseKeepAlive" },
            path: { value: "/etcdserverpb.Lease/LeaseKeepAlive" },
            requestType: { value: "LeaseKeepAliveRequest" },
            responseType: { value: "LeaseKeepAliveResponse" },
            requestStream: { value: true },
            responseStream: { value: true }
        });

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseTimeToLive}.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseTimeToLiveCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.LeaseTimeToLiveResponse} [response] LeaseTimeToLiveResponse
         */

        /**
         * Calls LeaseTimeToLive.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseTimeToLive
         * @type {{
         *   (request: etcdserverpb.ILeaseTimeToLiveRequest, callback: etcdserverpb.Lease.LeaseTimeToLiveCallback): void;
         *   (request: etcdserverpb.ILeaseTimeToLiveRequest): Promise<etcdserverpb.LeaseTimeToLiveResponse>;
         *   readonly name: "LeaseTimeToLive";
         *   readonly path: "/etcdserverpb.Lease/LeaseTimeToLive";
         *   readonly requestType: "LeaseTimeToLiveRequest";
         *   readonly responseType: "LeaseTimeToLiveResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls LeaseTimeToLive.
         * @name etcdserverpb.Lease#leaseTimeToLive
         * @type {etcdserverpb.Lease.LeaseTimeToLive}
         */
        $Object.defineProperties(Lease.prototype.leaseTimeToLive = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Lease.prototype.leaseTimeToLive, $root.etcdserverpb.LeaseTimeToLiveRequest, $root.etcdserverpb.LeaseTimeToLiveResponse, request, callback);
        }, {
            name: { value: "LeaseTimeToLive" },
            path: { value: "/etcdserverpb.Lease/LeaseTimeToLive" },
            requestType: { value: "LeaseTimeToLiveRequest" },
            responseType: { value: "LeaseTimeToLiveResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseLeases}.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseLeasesCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.LeaseLeasesResponse} [response] LeaseLeasesResponse
         */

        /**
         * Calls LeaseLeases.
         * @memberof etcdserverpb.Lease
         * @typedef LeaseLeases
         * @type {{
         *   (request: etcdserverpb.ILeaseLeasesRequest, callback: etcdserverpb.Lease.LeaseLeasesCallback): void;
         *   (request: etcdserverpb.ILeaseLeasesRequest): Promise<etcdserverpb.LeaseLeasesResponse>;
         *   readonly name: "LeaseLeases";
         *   readonly path: "/etcdserverpb.Lease/LeaseLeases";
         *   readonly requestType: "LeaseLeasesRequest";
         *   readonly responseType: "LeaseLeasesResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls LeaseLeases.
         * @name etcdserverpb.Lease#leaseLeases
         * @type {etcdserverpb.Lease.LeaseLeases}
         */
        $Object.defineProperties(Lease.prototype.leaseLeases = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Lease.prototype.leaseLeases, $root.etcdserverpb.LeaseLeasesRequest, $root.etcdserverpb.LeaseLeasesResponse, request, callback);
        }, {
            name: { value: "LeaseLeases" },
            path: { value: "/etcdserverpb.Lease/LeaseLeases" },
            requestType: { value: "LeaseLeasesRequest" },
            responseType: { value: "LeaseLeasesResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        return Lease;
    })();

    etcdserverpb.Cluster = (function() {

        /**
         * Constructs a new Cluster service.
         * @memberof etcdserverpb
         * @classdesc Represents a Cluster
         * @extends $protobuf.rpc.Service
         * @constructor
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         */
        const Cluster = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(Cluster.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Cluster, writable: true, enumerable: false, configurable: true });

        /**
         * Creates new Cluster service using the specified rpc implementation.
         * @function create
         * @memberof etcdserverpb.Cluster
         * @static
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         * @returns {Cluster} RPC service. Useful where requests and/or responses are streamed.
         */
        Cluster.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberAdd}.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberAddCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.MemberAddResponse} [response] MemberAddResponse
         */

        /**
         * Calls MemberAdd.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberAdd
         * @type {{
         *   (request: etcdserverpb.IMemberAddRequest, callback: etcdserverpb.Cluster.MemberAddCallback): void;
         *   (request: etcdserverpb.IMemberAddRequest): Promise<etcdserverpb.MemberAddResponse>;
         *   readonly name: "MemberAdd";
         *   readonly path: "/etcdserverpb.Cluster/MemberAdd";
         *   readonly requestType: "MemberAddRequest";
         *   readonly responseType: "MemberAddResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls MemberAdd.
         * @name etcdserverpb.Cluster#memberAdd
         * @type {etcdserverpb.Cluster.MemberAdd}
         */
        $Object.defineProperties(Cluster.prototype.memberAdd = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Cluster.prototype.memberAdd, $root.etcdserverpb.MemberAddRequest, $root.etcdserverpb.MemberAddResponse, request, callback);
        }, {
            name: { value: "MemberAdd" },
            path: { value: "/etcdserverpb.Cluster/MemberAdd" },
            requestType: { value: "MemberAddRequest" },
            responseType: { value: "MemberAddResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberRemove}.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberRemoveCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.MemberRemoveResponse} [response] MemberRemoveResponse
         */

        /**
         * Calls MemberRemove.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberRemove
         * @type {{
         *   (request: etcdserverpb.IMemberRemoveRequest, callback: etcdserverpb.Cluster.MemberRemoveCallback): void;
         *   (request: etcdserverpb.IMemberRemoveRequest): Promise<etcdserverpb.MemberRemoveResponse>;
         *   readonly name: "MemberRemove";
         *   readonly path: "/etcdserverpb.Cluster/MemberRemove";
         *   readonly requestType: "MemberRemoveRequest";
         *   readonly responseType: "MemberRemoveResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls MemberRemove.
         * @name etcdserverpb.Cluster#memberRemove
         * @type {etcdserverpb.Cluster.MemberRemove}
         */
        $Object.defineProperties(Cluster.prototype.memberRemove = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Cluster.prototype.memberRemove, $root.etcdserverpb.MemberRemoveRequest, $root.etcdserverpb.MemberRemoveResponse, request, callback);
        }, {
            name: { value: "MemberRemove" },
            path: { value: "/etcdserverpb.Cluster/MemberRemove" },
            requestType: { value: "MemberRemoveRequest" },
            responseType: { value: "MemberRemoveResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberUpdate}.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberUpdateCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.MemberUpdateResponse} [response] MemberUpdateResponse
         */

        /**
         * Calls MemberUpdate.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberUpdate
         * @type {{
         *   (request: etcdserverpb.IMemberUpdateRequest, callback: etcdserverpb.Cluster.MemberUpdateCallback): void;
         *   (request: etcdserverpb.IMemberUpdateRequest): Promise<etcdserverpb.MemberUpdateResponse>;
         *   readonly name: "MemberUpdate";
         *   readonly path: "/etcdserverpb.Cluster/MemberUpdate";
         *   readonly requestType: "MemberUpdateRequest";
         *   readonly responseType: "MemberUpdateResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls MemberUpdate.
         * @name etcdserverpb.Cluster#memberUpdate
         * @type {etcdserverpb.Cluster.MemberUpdate}
         */
        $Object.defineProperties(Cluster.prototype.memberUpdate = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Cluster.prototype.memberUpdate, $root.etcdserverpb.MemberUpdateRequest, $root.etcdserverpb.MemberUpdateResponse, request, callback);
        }, {
            name: { value: "MemberUpdate" },
            path: { value: "/etcdserverpb.Cluster/MemberUpdate" },
            requestType: { value: "MemberUpdateRequest" },
            responseType: { value: "MemberUpdateResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberList}.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberListCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.MemberListResponse} [response] MemberListResponse
         */

        /**
         * Calls MemberList.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberList
         * @type {{
         *   (request: etcdserverpb.IMemberListRequest, callback: etcdserverpb.Cluster.MemberListCallback): void;
         *   (request: etcdserverpb.IMemberListRequest): Promise<etcdserverpb.MemberListResponse>;
         *   readonly name: "MemberList";
         *   readonly path: "/etcdserverpb.Cluster/MemberList";
         *   readonly requestType: "MemberListRequest";
         *   readonly responseType: "MemberListResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls MemberList.
         * @name etcdserverpb.Cluster#memberList
         * @type {etcdserverpb.Cluster.MemberList}
         */
        $Object.defineProperties(Cluster.prototype.memberList = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Cluster.prototype.memberList, $root.etcdserverpb.MemberListRequest, $root.etcdserverpb.MemberListResponse, request, callback);
        }, {
            name: { value: "MemberList" },
            path: { value: "/etcdserverpb.Cluster/MemberList" },
            requestType: { value: "MemberListRequest" },
            responseType: { value: "MemberListResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberPromote}.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberPromoteCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.MemberPromoteResponse} [response] MemberPromoteResponse
         */

        /**
         * Calls MemberPromote.
         * @memberof etcdserverpb.Cluster
         * @typedef MemberPromote
         * @type {{
         *   (request: etcdserverpb.IMemberPromoteRequest, callback: etcdserverpb.Cluster.MemberPromoteCallback): void;
         *   (request: etcdserverpb.IMemberPromoteRequest): Promise<etcdserverpb.MemberPromoteResponse>;
         *   readonly name: "MemberPromote";
         *   readonly path: "/etcdserverpb.Cluster/MemberPromote";
         *   readonly requestType: "MemberPromoteRequest";
         *   readonly responseType: "MemberPromoteResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls MemberPromote.
         * @name etcdserverpb.Cluster#memberPromote
         * @type {etcdserverpb.Cluster.MemberPromote}
         */
        $Object.defineProperties(Cluster.prototype.memberPromote = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Cluster.prototype.memberPromote, $root.etcdserverpb.MemberPromoteRequest, $root.etcdserverpb.MemberPromoteResponse, request, callback);
        }, {
            name: { value: "MemberPromote" },
            path: { value: "/etcdserverpb.Cluster/MemberPromote" },
            requestType: { value: "MemberPromoteRequest" },
            responseType: { value: "MemberPromoteResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        return Cluster;
    })();

    etcdserverpb.Maintenance = (function() {

        /**
         * Constructs a new Maintenance service.
         * @memberof etcdserverpb
         * @classdesc Represents a Maintenance
         * @extends $protobuf.rpc.Service
         * @constructor
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         */
        const Maintenance = function(rpcImpl, requestDelimited, responseDelimited) {
            $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
        };

        $Object.defineProperty(Maintenance.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: Maintenance, writable: true, enumerable: false, configurable: true });

        /**
         * Creates new Maintenance service using the specified rpc implementation.
         * @function create
         * @memberof etcdserverpb.Maintenance
         * @static
         * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
         * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
         * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
         * @returns {Maintenance} RPC service. Useful where requests and/or responses are streamed.
         */
        Maintenance.create = function(rpcImpl, requestDelimited, responseDelimited) {
            return new this(rpcImpl, requestDelimited, responseDelimited);
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#alarm}.
         * @memberof etcdserverpb.Maintenance
         * @typedef AlarmCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.AlarmResponse} [response] AlarmResponse
         */

        /**
         * Calls Alarm.
         * @memberof etcdserverpb.Maintenance
         * @typedef Alarm
         * @type {{
         *   (request: etcdserverpb.IAlarmRequest, callback: etcdserverpb.Maintenance.AlarmCallback): void;
         *   (request: etcdserverpb.IAlarmRequest): Promise<etcdserverpb.AlarmResponse>;
         *   readonly name: "Alarm";
         *   readonly path: "/etcdserverpb.Maintenance/Alarm";
         *   readonly requestType: "AlarmRequest";
         *   readonly responseType: "AlarmResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Alarm.
         * @name etcdserverpb.Maintenance#alarm
         * @type {etcdserverpb.Maintenance.Alarm}
         */
        $Object.defineProperties(Maintenance.prototype.alarm = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.alarm, $root.etcdserverpb.AlarmRequest, $root.etcdserverpb.AlarmResponse, request, callback);
        }, {
            name: { value: "Alarm" },
            path: { value: "/etcdserverpb.Maintenance/Alarm" },
            requestType: { value: "AlarmRequest" },
            responseType: { value: "AlarmResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#status}.
         * @memberof etcdserverpb.Maintenance
         * @typedef StatusCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.StatusResponse} [response] StatusResponse
         */

        /**
         * Calls Status.
         * @memberof etcdserverpb.Maintenance
         * @typedef Status
         * @type {{
         *   (request: etcdserverpb.IStatusRequest, callback: etcdserverpb.Maintenance.StatusCallback): void;
         *   (request: etcdserverpb.IStatusRequest): Promise<etcdserverpb.StatusResponse>;
         *   readonly name: "Status";
         *   readonly path: "/etcdserverpb.Maintenance/Status";
         *   readonly requestType: "StatusRequest";
         *   readonly responseType: "StatusResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Status.
         * @name etcdserverpb.Maintenance#status
         * @type {etcdserverpb.Maintenance.Status}
         */
        $Object.defineProperties(Maintenance.prototype.status = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.status, $root.etcdserverpb.StatusRequest, $root.etcdserverpb.StatusResponse, request, callback);
        }, {
            name: { value: "Status" },
            path: { value: "/etcdserverpb.Maintenance/Status" },
            requestType: { value: "StatusRequest" },
            responseType: { value: "StatusResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#defragment}.
         * @memberof etcdserverpb.Maintenance
         * @typedef DefragmentCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.DefragmentResponse} [response] DefragmentResponse
         */

        /**
         * Calls Defragment.
         * @memberof etcdserverpb.Maintenance
         * @typedef Defragment
         * @type {{
         *   (request: etcdserverpb.IDefragmentRequest, callback: etcdserverpb.Maintenance.DefragmentCallback): void;
         *   (request: etcdserverpb.IDefragmentRequest): Promise<etcdserverpb.DefragmentResponse>;
         *   readonly name: "Defragment";
         *   readonly path: "/etcdserverpb.Maintenance/Defragment";
         *   readonly requestType: "DefragmentRequest";
         *   readonly responseType: "DefragmentResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Defragment.
         * @name etcdserverpb.Maintenance#defragment
         * @type {etcdserverpb.Maintenance.Defragment}
         */
        $Object.defineProperties(Maintenance.prototype.defragment = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.defragment, $root.etcdserverpb.DefragmentRequest, $root.etcdserverpb.DefragmentResponse, request, callback);
        }, {
            name: { value: "Defragment" },
            path: { value: "/etcdserverpb.Maintenance/Defragment" },
            requestType: { value: "DefragmentRequest" },
            responseType: { value: "DefragmentResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#hash}.
         * @memberof etcdserverpb.Maintenance
         * @typedef HashCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.HashResponse} [response] HashResponse
         */

        /**
         * Calls Hash.
         * @memberof etcdserverpb.Maintenance
         * @typedef Hash
         * @type {{
         *   (request: etcdserverpb.IHashRequest, callback: etcdserverpb.Maintenance.HashCallback): void;
         *   (request: etcdserverpb.IHashRequest): Promise<etcdserverpb.HashResponse>;
         *   readonly name: "Hash";
         *   readonly path: "/etcdserverpb.Maintenance/Hash";
         *   readonly requestType: "HashRequest";
         *   readonly responseType: "HashResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls Hash.
         * @name etcdserverpb.Maintenance#hash
         * @type {etcdserverpb.Maintenance.Hash}
         */
        $Object.defineProperties(Maintenance.prototype.hash = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.hash, $root.etcdserverpb.HashRequest, $root.etcdserverpb.HashResponse, request, callback);
        }, {
            name: { value: "Hash" },
            path: { value: "/etcdserverpb.Maintenance/Hash" },
            requestType: { value: "HashRequest" },
            responseType: { value: "HashResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#hashKV}.
         * @memberof etcdserverpb.Maintenance
         * @typedef HashKVCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.HashKVResponse} [response] HashKVResponse
         */

        /**
         * Calls HashKV.
         * @memberof etcdserverpb.Maintenance
         * @typedef HashKV
         * @type {{
         *   (request: etcdserverpb.IHashKVRequest, callback: etcdserverpb.Maintenance.HashKVCallback): void;
         *   (request: etcdserverpb.IHashKVRequest): Promise<etcdserverpb.HashKVResponse>;
         *   readonly name: "HashKV";
         *   readonly path: "/etcdserverpb.Maintenance/HashKV";
         *   readonly requestType: "HashKVRequest";
         *   readonly responseType: "HashKVResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls HashKV.
         * @name etcdserverpb.Maintenance#hashKV
         * @type {etcdserverpb.Maintenance.HashKV}
         */
        $Object.defineProperties(Maintenance.prototype.hashKV = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.hashKV, $root.etcdserverpb.HashKVRequest, $root.etcdserverpb.HashKVResponse, request, callback);
        }, {
            name: { value: "HashKV" },
            path: { value: "/etcdserverpb.Maintenance/HashKV" },
            requestType: { value: "HashKVRequest" },
            responseType: { value: "HashKVResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#snapshot}.
         * @memberof etcdserverpb.Maintenance
         * @typedef SnapshotCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.SnapshotResponse} [response] SnapshotResponse
         */

        /**
         * Calls Snapshot.
         * @memberof etcdserverpb.Maintenance
         * @typedef Snapshot
         * @type {{
         *   (request: etcdserverpb.ISnapshotRequest, callback: etcdserverpb.Maintenance.SnapshotCallback): void;
         *   (request: etcdserverpb.ISnapshotRequest): Promise<etcdserverpb.SnapshotResponse>;
         *   readonly name: "Snapshot";
         *   readonly path: "/etcdserverpb.Maintenance/Snapshot";
         *   readonly requestType: "SnapshotRequest";
         *   readonly responseType: "SnapshotResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: true;
         * }}
         */

        /**
         * Calls Snapshot.
         * @name etcdserverpb.Maintenance#snapshot
         * @type {etcdserverpb.Maintenance.Snapshot}
         */
        $Object.defineProperties(Maintenance.prototype.snapshot = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.snapshot, $root.etcdserverpb.SnapshotRequest, $root.etcdserverpb.SnapshotResponse, request, callback);
        }, {
            name: { value: "Snapshot" },
            path: { value: "/etcdserverpb.Maintenance/Snapshot" },
            requestType: { value: "SnapshotRequest" },
            responseType: { value: "SnapshotResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: true }
        });

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#moveLeader}.
         * @memberof etcdserverpb.Maintenance
         * @typedef MoveLeaderCallback
         * @type {function}
         * @param {Error|null} error Error, if any
         * @param {etcdserverpb.MoveLeaderResponse} [response] MoveLeaderResponse
         */

        /**
         * Calls MoveLeader.
         * @memberof etcdserverpb.Maintenance
         * @typedef MoveLeader
         * @type {{
         *   (request: etcdserverpb.IMoveLeaderRequest, callback: etcdserverpb.Maintenance.MoveLeaderCallback): void;
         *   (request: etcdserverpb.IMoveLeaderRequest): Promise<etcdserverpb.MoveLeaderResponse>;
         *   readonly name: "MoveLeader";
         *   readonly path: "/etcdserverpb.Maintenance/MoveLeader";
         *   readonly requestType: "MoveLeaderRequest";
         *   readonly responseType: "MoveLeaderResponse";
         *   readonly requestStream: undefined;
         *   readonly responseStream: undefined;
         * }}
         */

        /**
         * Calls MoveLeader.
         * @name etcdserverpb.Maintenance#moveLeader
         * @type {etcdserverpb.Maintenance.MoveLeader}
         */
        $Object.defineProperties(Maintenance.prototype.moveLeader = function(request, callback) {
            return $protobuf.rpc.Service.prototype.rpcCall.call(this, Maintenance.prototype.moveLeader, $root.etcdserverpb.MoveLeaderRequest, $root.etcdserverpb.MoveLeaderResponse, request, callback);
        }, {
            name: { value: "MoveLeader" },
            path: { value: "/etcdserverpb.Maintenance/MoveLeader" },
            requestType: { value: "MoveLeaderRequest" },
            responseType: { value: "MoveLeaderResponse" },
            requestStream: { value: $undefined },
            responseStream: { value: $undefined }
        });

        return Maintenance;
    })();

    etcdserverpb.ResponseHeader = (function() {

        /**
         * Properties of a ResponseHeader.
         * @typedef {Object} etcdserverpb.ResponseHeader.$Properties
         * @property {number|null} [clusterId] ResponseHeader clusterId
         * @property {number|null} [memberId] ResponseHeader memberId
         * @property {number|null} [revision] ResponseHeader revision
         * @property {number|null} [raftTerm] ResponseHeader raftTerm
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ResponseHeader.
         * @memberof etcdserverpb
         * @interface IResponseHeader
         * @augments etcdserverpb.ResponseHeader.$Properties
         * @deprecated Use etcdserverpb.ResponseHeader.$Properties instead.
         */

        /**
         * Shape of a ResponseHeader.
         * @typedef {etcdserverpb.ResponseHeader.$Properties} etcdserverpb.ResponseHeader.$Shape
         */

        /**
         * Constructs a new ResponseHeader.
         * @memberof etcdserverpb
         * @classdesc Represents a ResponseHeader.
         * @constructor
         * @param {etcdserverpb.ResponseHeader.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ResponseHeader = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ResponseHeader clusterId.
         * @member {number} clusterId
         * @memberof etcdserverpb.ResponseHeader
         * @instance
         */
        ResponseHeader.prototype.clusterId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ResponseHeader memberId.
         * @member {number} memberId
         * @memberof etcdserverpb.ResponseHeader
         * @instance
         */
        ResponseHeader.prototype.memberId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ResponseHeader revision.
         * @member {number} revision
         * @memberof etcdserverpb.ResponseHeader
         * @instance
         */
        ResponseHeader.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * ResponseHeader raftTerm.
         * @member {number} raftTerm
         * @memberof etcdserverpb.ResponseHeader
         * @instance
         */
        ResponseHeader.prototype.raftTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new ResponseHeader instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.ResponseHeader
         * @static
         * @param {etcdserverpb.ResponseHeader.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.ResponseHeader} ResponseHeader instance
         * @type {{
         *   (properties: etcdserverpb.ResponseHeader.$Shape): etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape;
         *   (properties?: etcdserverpb.ResponseHeader.$Properties): etcdserverpb.ResponseHeader;
         * }}
         */
        ResponseHeader.create = function(properties) {
            return new ResponseHeader(properties);
        };

        /**
         * Encodes the specified ResponseHeader message. Does not implicitly {@link etcdserverpb.ResponseHeader.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.ResponseHeader
         * @static
         * @param {etcdserverpb.ResponseHeader.$Properties} message ResponseHeader message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ResponseHeader.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && (typeof message.clusterId === "object" ? message.clusterId.low || message.clusterId.high : message.clusterId !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.clusterId);
            if (message.memberId != null && $Object.hasOwnProperty.call(message, "memberId") && (typeof message.memberId === "object" ? message.memberId.low || message.memberId.high : message.memberId !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.memberId);
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.revision);
            if (message.raftTerm != null && $Object.hasOwnProperty.call(message, "raftTerm") && (typeof message.raftTerm === "object" ? message.raftTerm.low || message.raftTerm.high : message.raftTerm !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.raftTerm);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ResponseHeader message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.ResponseHeader
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape} ResponseHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ResponseHeader.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.ResponseHeader();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.clusterId = value;
                        else
                            delete message.clusterId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.memberId = value;
                        else
                            delete message.memberId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.raftTerm = value;
                        else
                            delete message.raftTerm;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ResponseHeader
         * @function getTypeUrl
         * @memberof etcdserverpb.ResponseHeader
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ResponseHeader.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.ResponseHeader";
        };

        return ResponseHeader;
    })();

    etcdserverpb.RangeRequest = (function() {

        /**
         * Properties of a RangeRequest.
         * @typedef {Object} etcdserverpb.RangeRequest.$Properties
         * @property {Uint8Array|null} [key] RangeRequest key
         * @property {Uint8Array|null} [rangeEnd] RangeRequest rangeEnd
         * @property {number|null} [limit] RangeRequest limit
         * @property {number|null} [revision] RangeRequest revision
         * @property {etcdserverpb.RangeRequest.SortOrder|null} [sortOrder] RangeRequest sortOrder
         * @property {etcdserverpb.RangeRequest.SortTarget|null} [sortTarget] RangeRequest sortTarget
         * @property {boolean|null} [serializable] RangeRequest serializable
         * @property {boolean|null} [keysOnly] RangeRequest keysOnly
         * @property {boolean|null} [countOnly] RangeRequest countOnly
         * @property {number|null} [minModRevision] RangeRequest minModRevision
         * @property {number|null} [maxModRevision] RangeRequest maxModRevision
         * @property {number|null} [minCreateRevision] RangeRequest minCreateRevision
         * @property {number|null} [maxCreateRevision] RangeRequest maxCreateRevision
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RangeRequest.
         * @memberof etcdserverpb
         * @interface IRangeRequest
         * @augments etcdserverpb.RangeRequest.$Properties
         * @deprecated Use etcdserverpb.RangeRequest.$Properties instead.
         */

        /**
         * Shape of a RangeRequest.
         * @typedef {etcdserverpb.RangeRequest.$Properties} etcdserverpb.RangeRequest.$Shape
         */

        /**
         * Constructs a new RangeRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a RangeRequest.
         * @constructor
         * @param {etcdserverpb.RangeRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RangeRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RangeRequest key.
         * @member {Uint8Array} key
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.key = $util.newBuffer([]);

        /**
         * RangeRequest rangeEnd.
         * @member {Uint8Array} rangeEnd
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.rangeEnd = $util.newBuffer([]);

        /**
         * RangeRequest limit.
         * @member {number} limit
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.limit = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RangeRequest revision.
         * @member {number} revision
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RangeRequest sortOrder.
         * @member {etcdserverpb.RangeRequest.SortOrder} sortOrder
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.sortOrder = 0;

        /**
         * RangeRequest sortTarget.
         * @member {etcdserverpb.RangeRequest.SortTarget} sortTarget
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.sortTarget = 0;

        /**
         * RangeRequest serializable.
         * @member {boolean} serializable
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.serializable = false;

        /**
         * RangeRequest keysOnly.
         * @member {boolean} keysOnly
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.keysOnly = false;

        /**
         * RangeRequest countOnly.
         * @member {boolean} countOnly
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.countOnly = false;

        /**
         * RangeRequest minModRevision.
         * @member {number} minModRevision
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.minModRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RangeRequest maxModRevision.
         * @member {number} maxModRevision
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.maxModRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RangeRequest minCreateRevision.
         * @member {number} minCreateRevision
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.minCreateRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * RangeRequest maxCreateRevision.
         * @member {number} maxCreateRevision
         * @memberof etcdserverpb.RangeRequest
         * @instance
         */
        RangeRequest.prototype.maxCreateRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new RangeRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.RangeRequest
         * @static
         * @param {etcdserverpb.RangeRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.RangeRequest} RangeRequest instance
         * @type {{
         *   (properties: etcdserverpb.RangeRequest.$Shape): etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape;
         *   (properties?: etcdserverpb.RangeRequest.$Properties): etcdserverpb.RangeRequest;
         * }}
         */
        RangeRequest.create = function(properties) {
            return new RangeRequest(properties);
        };

        /**
         * Encodes the specified RangeRequest message. Does not implicitly {@link etcdserverpb.RangeRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.RangeRequest
         * @static
         * @param {etcdserverpb.RangeRequest.$Properties} message RangeRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RangeRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.rangeEnd != null && $Object.hasOwnProperty.call(message, "rangeEnd") && message.rangeEnd.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.rangeEnd);
            if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && (typeof message.limit === "object" ? message.limit.low || message.limit.high : message.limit !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.limit);
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.revision);
            if (message.sortOrder != null && $Object.hasOwnProperty.call(message, "sortOrder") && message.sortOrder !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).int32(message.sortOrder);
            if (message.sortTarget != null && $Object.hasOwnProperty.call(message, "sortTarget") && message.sortTarget !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).int32(message.sortTarget);
            if (message.serializable != null && $Object.hasOwnProperty.call(message, "serializable") && message.serializable !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.serializable);
            if (message.keysOnly != null && $Object.hasOwnProperty.call(message, "keysOnly") && message.keysOnly !== false)
                writer.uint32(/* id 8, wireType 0 =*/64).bool(message.keysOnly);
            if (message.countOnly != null && $Object.hasOwnProperty.call(message, "countOnly") && message.countOnly !== false)
                writer.uint32(/* id 9, wireType 0 =*/72).bool(message.countOnly);
            if (message.minModRevision != null && $Object.hasOwnProperty.call(message, "minModRevision") && (typeof message.minModRevision === "object" ? message.minModRevision.low || message.minModRevision.high : message.minModRevision !== 0))
                writer.uint32(/* id 10, wireType 0 =*/80).int64(message.minModRevision);
            if (message.maxModRevision != null && $Object.hasOwnProperty.call(message, "maxModRevision") && (typeof message.maxModRevision === "object" ? message.maxModRevision.low || message.maxModRevision.high : message.maxModRevision !== 0))
                writer.uint32(/* id 11, wireType 0 =*/88).int64(message.maxModRevision);
            if (message.minCreateRevision != null && $Object.hasOwnProperty.call(message, "minCreateRevision") && (typeof message.minCreateRevision === "object" ? message.minCreateRevision.low || message.minCreateRevision.high : message.minCreateRevision !== 0))
                writer.uint32(/* id 12, wireType 0 =*/96).int64(message.minCreateRevision);
            if (message.maxCreateRevision != null && $Object.hasOwnProperty.call(message, "maxCreateRevision") && (typeof message.maxCreateRevision === "object" ? message.maxCreateRevision.low || message.maxCreateRevision.high : message.maxCreateRevision !== 0))
                writer.uint32(/* id 13, wireType 0 =*/104).int64(message.maxCreateRevision);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RangeRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.RangeRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape} RangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RangeRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.RangeRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.rangeEnd = value;
                        else
                            delete message.rangeEnd;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.limit = value;
                        else
                            delete message.limit;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.sortOrder = value;
                        else
                            delete message.sortOrder;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.sortTarget = value;
                        else
                            delete message.sortTarget;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.serializable = value;
                        else
                            delete message.serializable;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.keysOnly = value;
                        else
                            delete message.keysOnly;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.countOnly = value;
                        else
                            delete message.countOnly;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.minModRevision = value;
                        else
                            delete message.minModRevision;
                        continue;
                    }
                case 11: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxModRevision = value;
                        else
                            delete message.maxModRevision;
                        continue;
                    }
                case 12: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.minCreateRevision = value;
                        else
                            delete message.minCreateRevision;
                        continue;
                    }
                case 13: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.maxCreateRevision = value;
                        else
                            delete message.maxCreateRevision;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for RangeRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.RangeRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RangeRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.RangeRequest";
        };

        /**
         * SortOrder enum.
         * @name etcdserverpb.RangeRequest.SortOrder
         * @enum {number}
         * @property {number} NONE=0 NONE value
         * @property {number} ASCEND=1 ASCEND value
         * @property {number} DESCEND=2 DESCEND value
         */
        RangeRequest.SortOrder = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NONE"] = 0;
            values[valuesById[1] = "ASCEND"] = 1;
            values[valuesById[2] = "DESCEND"] = 2;
            return values;
        })();

        /**
         * SortTarget enum.
         * @name etcdserverpb.RangeRequest.SortTarget
         * @enum {number}
         * @property {number} KEY=0 KEY value
         * @property {number} VERSION=1 VERSION value
         * @property {number} CREATE=2 CREATE value
         * @property {number} MOD=3 MOD value
         * @property {number} VALUE=4 VALUE value
         */
        RangeRequest.SortTarget = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "KEY"] = 0;
            values[valuesById[1] = "VERSION"] = 1;
            values[valuesById[2] = "CREATE"] = 2;
            values[valuesById[3] = "MOD"] = 3;
            values[valuesById[4] = "VALUE"] = 4;
            return values;
        })();

        return RangeRequest;
    })();

    etcdserverpb.RangeResponse = (function() {

        /**
         * Properties of a RangeResponse.
         * @typedef {Object} etcdserverpb.RangeResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] RangeResponse header
         * @property {Array.<mvccpb.KeyValue.$Properties>|null} [kvs] RangeResponse kvs
         * @property {boolean|null} [more] RangeResponse more
         * @property {number|null} [count] RangeResponse count
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RangeResponse.
         * @memberof etcdserverpb
         * @interface IRangeResponse
         * @augments etcdserverpb.RangeResponse.$Properties
         * @deprecated Use etcdserverpb.RangeResponse.$Properties instead.
         */

        /**
         * Shape of a RangeResponse.
         * @typedef {etcdserverpb.RangeResponse.$Properties} etcdserverpb.RangeResponse.$Shape
         */

        /**
         * Constructs a new RangeResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a RangeResponse.
         * @constructor
         * @param {etcdserverpb.RangeResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RangeResponse = function (properties) {
            this.kvs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RangeResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.RangeResponse
         * @instance
         */
        RangeResponse.prototype.header = null;

        /**
         * RangeResponse kvs.
         * @member {Array.<mvccpb.KeyValue.$Properties>} kvs
         * @memberof etcdserverpb.RangeResponse
         * @instance
         */
        RangeResponse.prototype.kvs = $util.emptyArray;

        /**
         * RangeResponse more.
         * @member {boolean} more
         * @memberof etcdserverpb.RangeResponse
         * @instance
         */
        RangeResponse.prototype.more = false;

        /**
         * RangeResponse count.
         * @member {number} count
         * @memberof etcdserverpb.RangeResponse
         * @instance
         */
        RangeResponse.prototype.count = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new RangeResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.RangeResponse
         * @static
         * @param {etcdserverpb.RangeResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.RangeResponse} RangeResponse instance
         * @type {{
         *   (properties: etcdserverpb.RangeResponse.$Shape): etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape;
         *   (properties?: etcdserverpb.RangeResponse.$Properties): etcdserverpb.RangeResponse;
         * }}
         */
        RangeResponse.create = function(properties) {
            return new RangeResponse(properties);
        };

        /**
         * Encodes the specified RangeResponse message. Does not implicitly {@link etcdserverpb.RangeResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.RangeResponse
         * @static
         * @param {etcdserverpb.RangeResponse.$Properties} message RangeResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RangeResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.kvs != null && message.kvs.length)
                for (let i = 0; i < message.kvs.length; ++i)
                    $root.mvccpb.KeyValue.encode(message.kvs[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.more != null && $Object.hasOwnProperty.call(message, "more") && message.more !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.more);
            if (message.count != null && $Object.hasOwnProperty.call(message, "count") && (typeof message.count === "object" ? message.count.low || message.count.high : message.count !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.count);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RangeResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.RangeResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape} RangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RangeResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.RangeResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.kvs && message.kvs.length))
                            message.kvs = [];
                        message.kvs.push($root.mvccpb.KeyValue.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.more = value;
                        else
                            delete message.more;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.count = value;
                        else
                            delete message.count;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for RangeResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.RangeResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RangeResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.RangeResponse";
        };

        return RangeResponse;
    })();

    etcdserverpb.PutRequest = (function() {

        /**
         * Properties of a PutRequest.
         * @typedef {Object} etcdserverpb.PutRequest.$Properties
         * @property {Uint8Array|null} [key] PutRequest key
         * @property {Uint8Array|null} [value] PutRequest value
         * @property {number|null} [lease] PutRequest lease
         * @property {boolean|null} [prevKv] PutRequest prevKv
         * @property {boolean|null} [ignoreValue] PutRequest ignoreValue
         * @property {boolean|null} [ignoreLease] PutRequest ignoreLease
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PutRequest.
         * @memberof etcdserverpb
         * @interface IPutRequest
         * @augments etcdserverpb.PutRequest.$Properties
         * @deprecated Use etcdserverpb.PutRequest.$Properties instead.
         */

        /**
         * Shape of a PutRequest.
         * @typedef {etcdserverpb.PutRequest.$Properties} etcdserverpb.PutRequest.$Shape
         */

        /**
         * Constructs a new PutRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a PutRequest.
         * @constructor
         * @param {etcdserverpb.PutRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PutRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PutRequest key.
         * @member {Uint8Array} key
         * @memberof etcdserverpb.PutRequest
         * @instance
         */
        PutRequest.prototype.key = $util.newBuffer([]);

        /**
         * PutRequest value.
         * @member {Uint8Array} value
         * @memberof etcdserverpb.PutRequest
         * @instance
         */
        PutRequest.prototype.value = $util.newBuffer([]);

        /**
         * PutRequest lease.
         * @member {number} lease
         * @memberof etcdserverpb.PutRequest
         * @instance
         */
        PutRequest.prototype.lease = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * PutRequest prevKv.
         * @member {boolean} prevKv
         * @memberof etcdserverpb.PutRequest
         * @instance
         */
        PutRequest.prototype.prevKv = false;

        /**
         * PutRequest ignoreValue.
         * @member {boolean} ignoreValue
         * @memberof etcdserverpb.PutRequest
         * @instance
         */
        PutRequest.prototype.ignoreValue = false;

        /**
         * PutRequest ignoreLease.
         * @member {boolean} ignoreLease
         * @memberof etcdserverpb.PutRequest
         * @instance
         */
        PutRequest.prototype.ignoreLease = false;

        /**
         * Creates a new PutRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.PutRequest
         * @static
         * @param {etcdserverpb.PutRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.PutRequest} PutRequest instance
         * @type {{
         *   (properties: etcdserverpb.PutRequest.$Shape): etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape;
         *   (properties?: etcdserverpb.PutRequest.$Properties): etcdserverpb.PutRequest;
         * }}
         */
        PutRequest.create = function(properties) {
            return new PutRequest(properties);
        };

        /**
         * Encodes the specified PutRequest message. Does not implicitly {@link etcdserverpb.PutRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.PutRequest
         * @static
         * @param {etcdserverpb.PutRequest.$Properties} message PutRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PutRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.value);
            if (message.lease != null && $Object.hasOwnProperty.call(message, "lease") && (typeof message.lease === "object" ? message.lease.low || message.lease.high : message.lease !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.lease);
            if (message.prevKv != null && $Object.hasOwnProperty.call(message, "prevKv") && message.prevKv !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.prevKv);
            if (message.ignoreValue != null && $Object.hasOwnProperty.call(message, "ignoreValue") && message.ignoreValue !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.ignoreValue);
            if (message.ignoreLease != null && $Object.hasOwnProperty.call(message, "ignoreLease") && message.ignoreLease !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.ignoreLease);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PutRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.PutRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape} PutRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PutRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.PutRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.value = value;
                        else
                            delete message.value;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.lease = value;
                        else
                            delete message.lease;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.prevKv = value;
                        else
                            delete message.prevKv;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ignoreValue = value;
                        else
                            delete message.ignoreValue;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ignoreLease = value;
                        else
                            delete message.ignoreLease;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PutRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.PutRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PutRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.PutRequest";
        };

        return PutRequest;
    })();

    etcdserverpb.PutResponse = (function() {

        /**
         * Properties of a PutResponse.
         * @typedef {Object} etcdserverpb.PutResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] PutResponse header
         * @property {mvccpb.KeyValue.$Properties|null} [prevKv] PutResponse prevKv
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PutResponse.
         * @memberof etcdserverpb
         * @interface IPutResponse
         * @augments etcdserverpb.PutResponse.$Properties
         * @deprecated Use etcdserverpb.PutResponse.$Properties instead.
         */

        /**
         * Shape of a PutResponse.
         * @typedef {etcdserverpb.PutResponse.$Properties} etcdserverpb.PutResponse.$Shape
         */

        /**
         * Constructs a new PutResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a PutResponse.
         * @constructor
         * @param {etcdserverpb.PutResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PutResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PutResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.PutResponse
         * @instance
         */
        PutResponse.prototype.header = null;

        /**
         * PutResponse prevKv.
         * @member {mvccpb.KeyValue.$Properties|null|undefined} prevKv
         * @memberof etcdserverpb.PutResponse
         * @instance
         */
        PutResponse.prototype.prevKv = null;

        /**
         * Creates a new PutResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.PutResponse
         * @static
         * @param {etcdserverpb.PutResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.PutResponse} PutResponse instance
         * @type {{
         *   (properties: etcdserverpb.PutResponse.$Shape): etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape;
         *   (properties?: etcdserverpb.PutResponse.$Properties): etcdserverpb.PutResponse;
         * }}
         */
        PutResponse.create = function(properties) {
            return new PutResponse(properties);
        };

        /**
         * Encodes the specified PutResponse message. Does not implicitly {@link etcdserverpb.PutResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.PutResponse
         * @static
         * @param {etcdserverpb.PutResponse.$Properties} message PutResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PutResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.prevKv != null && $Object.hasOwnProperty.call(message, "prevKv"))
                $root.mvccpb.KeyValue.encode(message.prevKv, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PutResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.PutResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape} PutResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PutResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.PutResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.prevKv = $root.mvccpb.KeyValue.decode(reader, reader.size(), $undefined, _depth + 1, message.prevKv);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PutResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.PutResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PutResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.PutResponse";
        };

        return PutResponse;
    })();

    etcdserverpb.DeleteRangeRequest = (function() {

        /**
         * Properties of a DeleteRangeRequest.
         * @typedef {Object} etcdserverpb.DeleteRangeRequest.$Properties
         * @property {Uint8Array|null} [key] DeleteRangeRequest key
         * @property {Uint8Array|null} [rangeEnd] DeleteRangeRequest rangeEnd
         * @property {boolean|null} [prevKv] DeleteRangeRequest prevKv
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeleteRangeRequest.
         * @memberof etcdserverpb
         * @interface IDeleteRangeRequest
         * @augments etcdserverpb.DeleteRangeRequest.$Properties
         * @deprecated Use etcdserverpb.DeleteRangeRequest.$Properties instead.
         */

        /**
         * Shape of a DeleteRangeRequest.
         * @typedef {etcdserverpb.DeleteRangeRequest.$Properties} etcdserverpb.DeleteRangeRequest.$Shape
         */

        /**
         * Constructs a new DeleteRangeRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a DeleteRangeRequest.
         * @constructor
         * @param {etcdserverpb.DeleteRangeRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeleteRangeRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeleteRangeRequest key.
         * @member {Uint8Array} key
         * @memberof etcdserverpb.DeleteRangeRequest
         * @instance
         */
        DeleteRangeRequest.prototype.key = $util.newBuffer([]);

        /**
         * DeleteRangeRequest rangeEnd.
         * @member {Uint8Array} rangeEnd
         * @memberof etcdserverpb.DeleteRangeRequest
         * @instance
         */
        DeleteRangeRequest.prototype.rangeEnd = $util.newBuffer([]);

        /**
         * DeleteRangeRequest prevKv.
         * @member {boolean} prevKv
         * @memberof etcdserverpb.DeleteRangeRequest
         * @instance
         */
        DeleteRangeRequest.prototype.prevKv = false;

        /**
         * Creates a new DeleteRangeRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.DeleteRangeRequest
         * @static
         * @param {etcdserverpb.DeleteRangeRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.DeleteRangeRequest} DeleteRangeRequest instance
         * @type {{
         *   (properties: etcdserverpb.DeleteRangeRequest.$Shape): etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape;
         *   (properties?: etcdserverpb.DeleteRangeRequest.$Properties): etcdserverpb.DeleteRangeRequest;
         * }}
         */
        DeleteRangeRequest.create = function(properties) {
            return new DeleteRangeRequest(properties);
        };

        /**
         * Encodes the specified DeleteRangeRequest message. Does not implicitly {@link etcdserverpb.DeleteRangeRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.DeleteRangeRequest
         * @static
         * @param {etcdserverpb.DeleteRangeRequest.$Properties} message DeleteRangeRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeleteRangeRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.rangeEnd != null && $Object.hasOwnProperty.call(message, "rangeEnd") && message.rangeEnd.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.rangeEnd);
            if (message.prevKv != null && $Object.hasOwnProperty.call(message, "prevKv") && message.prevKv !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.prevKv);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeleteRangeRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.DeleteRangeRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape} DeleteRangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeleteRangeRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.DeleteRangeRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.rangeEnd = value;
                        else
                            delete message.rangeEnd;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.prevKv = value;
                        else
                            delete message.prevKv;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for DeleteRangeRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.DeleteRangeRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DeleteRangeRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.DeleteRangeRequest";
        };

        return DeleteRangeRequest;
    })();

    etcdserverpb.DeleteRangeResponse = (function() {

        /**
         * Properties of a DeleteRangeResponse.
         * @typedef {Object} etcdserverpb.DeleteRangeResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] DeleteRangeResponse header
         * @property {number|null} [deleted] DeleteRangeResponse deleted
         * @property {Array.<mvccpb.KeyValue.$Properties>|null} [prevKvs] DeleteRangeResponse prevKvs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeleteRangeResponse.
         * @memberof etcdserverpb
         * @interface IDeleteRangeResponse
         * @augments etcdserverpb.DeleteRangeResponse.$Properties
         * @deprecated Use etcdserverpb.DeleteRangeResponse.$Properties instead.
         */

        /**
         * Shape of a DeleteRangeResponse.
         * @typedef {etcdserverpb.DeleteRangeResponse.$Properties} etcdserverpb.DeleteRangeResponse.$Shape
         */

        /**
         * Constructs a new DeleteRangeResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a DeleteRangeResponse.
         * @constructor
         * @param {etcdserverpb.DeleteRangeResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeleteRangeResponse = function (properties) {
            this.prevKvs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeleteRangeResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.DeleteRangeResponse
         * @instance
         */
        DeleteRangeResponse.prototype.header = null;

        /**
         * DeleteRangeResponse deleted.
         * @member {number} deleted
         * @memberof etcdserverpb.DeleteRangeResponse
         * @instance
         */
        DeleteRangeResponse.prototype.deleted = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * DeleteRangeResponse prevKvs.
         * @member {Array.<mvccpb.KeyValue.$Properties>} prevKvs
         * @memberof etcdserverpb.DeleteRangeResponse
         * @instance
         */
        DeleteRangeResponse.prototype.prevKvs = $util.emptyArray;

        /**
         * Creates a new DeleteRangeResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.DeleteRangeResponse
         * @static
         * @param {etcdserverpb.DeleteRangeResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.DeleteRangeResponse} DeleteRangeResponse instance
         * @type {{
         *   (properties: etcdserverpb.DeleteRangeResponse.$Shape): etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape;
         *   (properties?: etcdserverpb.DeleteRangeResponse.$Properties): etcdserverpb.DeleteRangeResponse;
         * }}
         */
        DeleteRangeResponse.create = function(properties) {
            return new DeleteRangeResponse(properties);
        };

        /**
         * Encodes the specified DeleteRangeResponse message. Does not implicitly {@link etcdserverpb.DeleteRangeResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.DeleteRangeResponse
         * @static
         * @param {etcdserverpb.DeleteRangeResponse.$Properties} message DeleteRangeResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeleteRangeResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.deleted != null && $Object.hasOwnProperty.call(message, "deleted") && (typeof message.deleted === "object" ? message.deleted.low || message.deleted.high : message.deleted !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.deleted);
            if (message.prevKvs != null && message.prevKvs.length)
                for (let i = 0; i < message.prevKvs.length; ++i)
                    $root.mvccpb.KeyValue.encode(message.prevKvs[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeleteRangeResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.DeleteRangeResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape} DeleteRangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeleteRangeResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.DeleteRangeResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.deleted = value;
                        else
                            delete message.deleted;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.prevKvs && message.prevKvs.length))
                            message.prevKvs = [];
                        message.prevKvs.push($root.mvccpb.KeyValue.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for DeleteRangeResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.DeleteRangeResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DeleteRangeResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.DeleteRangeResponse";
        };

        return DeleteRangeResponse;
    })();

    etcdserverpb.RequestOp = (function() {

        /**
         * Properties of a RequestOp.
         * @typedef {Object} etcdserverpb.RequestOp.$Properties
         * @property {etcdserverpb.RangeRequest.$Properties|null} [requestRange] RequestOp requestRange
         * @property {etcdserverpb.PutRequest.$Properties|null} [requestPut] RequestOp requestPut
         * @property {etcdserverpb.DeleteRangeRequest.$Properties|null} [requestDeleteRange] RequestOp requestDeleteRange
         * @property {etcdserverpb.TxnRequest.$Properties|null} [requestTxn] RequestOp requestTxn
         * @property {"requestRange"|"requestPut"|"requestDeleteRange"|"requestTxn"} [request] RequestOp request
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RequestOp.
         * @memberof etcdserverpb
         * @interface IRequestOp
         * @augments etcdserverpb.RequestOp.$Properties
         * @deprecated Use etcdserverpb.RequestOp.$Properties instead.
         */

        /**
         * Narrowed shape of a RequestOp.
         * @typedef {{
         *   requestRange?: etcdserverpb.RangeRequest.$Shape|null;
         *   requestPut?: etcdserverpb.PutRequest.$Shape|null;
         *   requestDeleteRange?: etcdserverpb.DeleteRangeRequest.$Shape|null;
         *   requestTxn?: etcdserverpb.TxnRequest.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ request?: undefined; requestRange?: null; requestPut?: null; requestDeleteRange?: null; requestTxn?: null }|{ request?: "requestRange"; requestRange: etcdserverpb.RangeRequest.$Shape; requestPut?: null; requestDeleteRange?: null; requestTxn?: null }|{ request?: "requestPut"; requestRange?: null; requestPut: etcdserverpb.PutRequest.$Shape; requestDeleteRange?: null; requestTxn?: null }|{ request?: "requestDeleteRange"; requestRange?: null; requestPut?: null; requestDeleteRange: etcdserverpb.DeleteRangeRequest.$Shape; requestTxn?: null }|{ request?: "requestTxn"; requestRange?: null; requestPut?: null; requestDeleteRange?: null; requestTxn: etcdserverpb.TxnRequest.$Shape })
         * )} etcdserverpb.RequestOp.$Shape
         */

        /**
         * Constructs a new RequestOp.
         * @memberof etcdserverpb
         * @classdesc Represents a RequestOp.
         * @constructor
         * @param {etcdserverpb.RequestOp.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RequestOp = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RequestOp requestRange.
         * @member {etcdserverpb.RangeRequest.$Properties|null|undefined} requestRange
         * @memberof etcdserverpb.RequestOp
         * @instance
         */
        RequestOp.prototype.requestRange = null;

        /**
         * RequestOp requestPut.
         * @member {etcdserverpb.PutRequest.$Properties|null|undefined} requestPut
         * @memberof etcdserverpb.RequestOp
         * @instance
         */
        RequestOp.prototype.requestPut = null;

        /**
         * RequestOp requestDeleteRange.
         * @member {etcdserverpb.DeleteRangeRequest.$Properties|null|undefined} requestDeleteRange
         * @memberof etcdserverpb.RequestOp
         * @instance
         */
        RequestOp.prototype.requestDeleteRange = null;

        /**
         * RequestOp requestTxn.
         * @member {etcdserverpb.TxnRequest.$Properties|null|undefined} requestTxn
         * @memberof etcdserverpb.RequestOp
         * @instance
         */
        RequestOp.prototype.requestTxn = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * RequestOp request.
         * @member {"requestRange"|"requestPut"|"requestDeleteRange"|"requestTxn"|undefined} request
         * @memberof etcdserverpb.RequestOp
         * @instance
         */
        $Object.defineProperty(RequestOp.prototype, "request", {
            get: $util.oneOfGetter($oneOfFields = ["requestRange", "requestPut", "requestDeleteRange", "requestTxn"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new RequestOp instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.RequestOp
         * @static
         * @param {etcdserverpb.RequestOp.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.RequestOp} RequestOp instance
         * @type {{
         *   (properties: etcdserverpb.RequestOp.$Shape): etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape;
         *   (properties?: etcdserverpb.RequestOp.$Properties): etcdserverpb.RequestOp;
         * }}
         */
        RequestOp.create = function(properties) {
            return new RequestOp(properties);
        };

        /**
         * Encodes the specified RequestOp message. Does not implicitly {@link etcdserverpb.RequestOp.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.RequestOp
         * @static
         * @param {etcdserverpb.RequestOp.$Properties} message RequestOp message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RequestOp.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.requestRange != null && $Object.hasOwnProperty.call(message, "requestRange"))
                $root.etcdserverpb.RangeRequest.encode(message.requestRange, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.requestPut != null && $Object.hasOwnProperty.call(message, "requestPut"))
                $root.etcdserverpb.PutRequest.encode(message.requestPut, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.requestDeleteRange != null && $Object.hasOwnProperty.call(message, "requestDeleteRange"))
                $root.etcdserverpb.DeleteRangeRequest.encode(message.requestDeleteRange, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.requestTxn != null && $Object.hasOwnProperty.call(message, "requestTxn"))
                $root.etcdserverpb.TxnRequest.encode(message.requestTxn, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RequestOp message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.RequestOp
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape} RequestOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RequestOp.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.RequestOp();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.requestRange = $root.etcdserverpb.RangeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.requestRange);
                        message.request = "requestRange";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.requestPut = $root.etcdserverpb.PutRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.requestPut);
                        message.request = "requestPut";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.requestDeleteRange = $root.etcdserverpb.DeleteRangeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.requestDeleteRange);
                        message.request = "requestDeleteRange";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.requestTxn = $root.etcdserverpb.TxnRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.requestTxn);
                        message.request = "requestTxn";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for RequestOp
         * @function getTypeUrl
         * @memberof etcdserverpb.RequestOp
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RequestOp.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.RequestOp";
        };

        return RequestOp;
    })();

    etcdserverpb.ResponseOp = (function() {

        /**
         * Properties of a ResponseOp.
         * @typedef {Object} etcdserverpb.ResponseOp.$Properties
         * @property {etcdserverpb.RangeResponse.$Properties|null} [responseRange] ResponseOp responseRange
         * @property {etcdserverpb.PutResponse.$Properties|null} [responsePut] ResponseOp responsePut
         * @property {etcdserverpb.DeleteRangeResponse.$Properties|null} [responseDeleteRange] ResponseOp responseDeleteRange
         * @property {etcdserverpb.TxnResponse.$Properties|null} [responseTxn] ResponseOp responseTxn
         * @property {"responseRange"|"responsePut"|"responseDeleteRange"|"responseTxn"} [response] ResponseOp response
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ResponseOp.
         * @memberof etcdserverpb
         * @interface IResponseOp
         * @augments etcdserverpb.ResponseOp.$Properties
         * @deprecated Use etcdserverpb.ResponseOp.$Properties instead.
         */

        /**
         * Narrowed shape of a ResponseOp.
         * @typedef {{
         *   responseRange?: etcdserverpb.RangeResponse.$Shape|null;
         *   responsePut?: etcdserverpb.PutResponse.$Shape|null;
         *   responseDeleteRange?: etcdserverpb.DeleteRangeResponse.$Shape|null;
         *   responseTxn?: etcdserverpb.TxnResponse.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ response?: undefined; responseRange?: null; responsePut?: null; responseDeleteRange?: null; responseTxn?: null }|{ response?: "responseRange"; responseRange: etcdserverpb.RangeResponse.$Shape; responsePut?: null; responseDeleteRange?: null; responseTxn?: null }|{ response?: "responsePut"; responseRange?: null; responsePut: etcdserverpb.PutResponse.$Shape; responseDeleteRange?: null; responseTxn?: null }|{ response?: "responseDeleteRange"; responseRange?: null; responsePut?: null; responseDeleteRange: etcdserverpb.DeleteRangeResponse.$Shape; responseTxn?: null }|{ response?: "responseTxn"; responseRange?: null; responsePut?: null; responseDeleteRange?: null; responseTxn: etcdserverpb.TxnResponse.$Shape })
         * )} etcdserverpb.ResponseOp.$Shape
         */

        /**
         * Constructs a new ResponseOp.
         * @memberof etcdserverpb
         * @classdesc Represents a ResponseOp.
         * @constructor
         * @param {etcdserverpb.ResponseOp.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ResponseOp = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ResponseOp responseRange.
         * @member {etcdserverpb.RangeResponse.$Properties|null|undefined} responseRange
         * @memberof etcdserverpb.ResponseOp
         * @instance
         */
        ResponseOp.prototype.responseRange = null;

        /**
         * ResponseOp responsePut.
         * @member {etcdserverpb.PutResponse.$Properties|null|undefined} responsePut
         * @memberof etcdserverpb.ResponseOp
         * @instance
         */
        ResponseOp.prototype.responsePut = null;

        /**
         * ResponseOp responseDeleteRange.
         * @member {etcdserverpb.DeleteRangeResponse.$Properties|null|undefined} responseDeleteRange
         * @memberof etcdserverpb.ResponseOp
         * @instance
         */
        ResponseOp.prototype.responseDeleteRange = null;

        /**
         * ResponseOp responseTxn.
         * @member {etcdserverpb.TxnResponse.$Properties|null|undefined} responseTxn
         * @memberof etcdserverpb.ResponseOp
         * @instance
         */
        ResponseOp.prototype.responseTxn = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * ResponseOp response.
         * @member {"responseRange"|"responsePut"|"responseDeleteRange"|"responseTxn"|undefined} response
         * @memberof etcdserverpb.ResponseOp
         * @instance
         */
        $Object.defineProperty(ResponseOp.prototype, "response", {
            get: $util.oneOfGetter($oneOfFields = ["responseRange", "responsePut", "responseDeleteRange", "responseTxn"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new ResponseOp instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.ResponseOp
         * @static
         * @param {etcdserverpb.ResponseOp.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.ResponseOp} ResponseOp instance
         * @type {{
         *   (properties: etcdserverpb.ResponseOp.$Shape): etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape;
         *   (properties?: etcdserverpb.ResponseOp.$Properties): etcdserverpb.ResponseOp;
         * }}
         */
        ResponseOp.create = function(properties) {
            return new ResponseOp(properties);
        };

        /**
         * Encodes the specified ResponseOp message. Does not implicitly {@link etcdserverpb.ResponseOp.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.ResponseOp
         * @static
         * @param {etcdserverpb.ResponseOp.$Properties} message ResponseOp message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ResponseOp.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.responseRange != null && $Object.hasOwnProperty.call(message, "responseRange"))
                $root.etcdserverpb.RangeResponse.encode(message.responseRange, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.responsePut != null && $Object.hasOwnProperty.call(message, "responsePut"))
                $root.etcdserverpb.PutResponse.encode(message.responsePut, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.responseDeleteRange != null && $Object.hasOwnProperty.call(message, "responseDeleteRange"))
                $root.etcdserverpb.DeleteRangeResponse.encode(message.responseDeleteRange, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.responseTxn != null && $Object.hasOwnProperty.call(message, "responseTxn"))
                $root.etcdserverpb.TxnResponse.encode(message.responseTxn, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ResponseOp message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.ResponseOp
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape} ResponseOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ResponseOp.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.ResponseOp();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.responseRange = $root.etcdserverpb.RangeResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.responseRange);
                        message.response = "responseRange";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.responsePut = $root.etcdserverpb.PutResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.responsePut);
                        message.response = "responsePut";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.responseDeleteRange = $root.etcdserverpb.DeleteRangeResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.responseDeleteRange);
                        message.response = "responseDeleteRange";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.responseTxn = $root.etcdserverpb.TxnResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.responseTxn);
                        message.response = "responseTxn";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ResponseOp
         * @function getTypeUrl
         * @memberof etcdserverpb.ResponseOp
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ResponseOp.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.ResponseOp";
        };

        return ResponseOp;
    })();

    etcdserverpb.Compare = (function() {

        /**
         * Properties of a Compare.
         * @typedef {Object} etcdserverpb.Compare.$Properties
         * @property {etcdserverpb.Compare.CompareResult|null} [result] Compare result
         * @property {etcdserverpb.Compare.CompareTarget|null} [target] Compare target
         * @property {Uint8Array|null} [key] Compare key
         * @property {number|null} [version] Compare version
         * @property {number|null} [createRevision] Compare createRevision
         * @property {number|null} [modRevision] Compare modRevision
         * @property {Uint8Array|null} [value] Compare value
         * @property {number|null} [lease] Compare lease
         * @property {Uint8Array|null} [rangeEnd] Compare rangeEnd
         * @property {"version"|"createRevision"|"modRevision"|"value"|"lease"} [targetUnion] Compare targetUnion
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Compare.
         * @memberof etcdserverpb
         * @interface ICompare
         * @augments etcdserverpb.Compare.$Properties
         * @deprecated Use etcdserverpb.Compare.$Properties instead.
         */

        /**
         * Narrowed shape of a Compare.
         * @typedef {{
         *   result?: etcdserverpb.Compare.CompareResult|null;
         *   target?: etcdserverpb.Compare.CompareTarget|null;
         *   key?: Uint8Array|null;
         *   version?: number|null;
         *   createRevision?: number|null;
         *   modRevision?: number|null;
         *   value?: Uint8Array|null;
         *   lease?: number|null;
         *   rangeEnd?: Uint8Array|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ targetUnion?: undefined; version?: null; createRevision?: null; modRevision?: null; value?: null; lease?: null }|{ targetUnion?: "version"; version: number; createRevision?: null; modRevision?: null; value?: null; lease?: null }|{ targetUnion?: "createRevision"; version?: null; createRevision: number; modRevision?: null; value?: null; lease?: null }|{ targetUnion?: "modRevision"; version?: null; createRevision?: null; modRevision: number; value?: null; lease?: null }|{ targetUnion?: "value"; version?: null; createRevision?: null; modRevision?: null; value: Uint8Array; lease?: null }|{ targetUnion?: "lease"; version?: null; createRevision?: null; modRevision?: null; value?: null; lease: number })
         * )} etcdserverpb.Compare.$Shape
         */

        /**
         * Constructs a new Compare.
         * @memberof etcdserverpb
         * @classdesc Represents a Compare.
         * @constructor
         * @param {etcdserverpb.Compare.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Compare = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Compare result.
         * @member {etcdserverpb.Compare.CompareResult} result
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.result = 0;

        /**
         * Compare target.
         * @member {etcdserverpb.Compare.CompareTarget} target
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.target = 0;

        /**
         * Compare key.
         * @member {Uint8Array} key
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.key = $util.newBuffer([]);

        /**
         * Compare version.
         * @member {number|null|undefined} version
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.version = null;

        /**
         * Compare createRevision.
         * @member {number|null|undefined} createRevision
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.createRevision = null;

        /**
         * Compare modRevision.
         * @member {number|null|undefined} modRevision
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.modRevision = null;

        /**
         * Compare value.
         * @member {Uint8Array|null|undefined} value
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.value = null;

        /**
         * Compare lease.
         * @member {number|null|undefined} lease
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.lease = null;

        /**
         * Compare rangeEnd.
         * @member {Uint8Array} rangeEnd
         * @memberof etcdserverpb.Compare
         * @instance
         */
        Compare.prototype.rangeEnd = $util.newBuffer([]);

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Compare targetUnion.
         * @member {"version"|"createRevision"|"modRevision"|"value"|"lease"|undefined} targetUnion
         * @memberof etcdserverpb.Compare
         * @instance
         */
        $Object.defineProperty(Compare.prototype, "targetUnion", {
            get: $util.oneOfGetter($oneOfFields = ["version", "createRevision", "modRevision", "value", "lease"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Compare instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.Compare
         * @static
         * @param {etcdserverpb.Compare.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.Compare} Compare instance
         * @type {{
         *   (properties: etcdserverpb.Compare.$Shape): etcdserverpb.Compare & etcdserverpb.Compare.$Shape;
         *   (properties?: etcdserverpb.Compare.$Properties): etcdserverpb.Compare;
         * }}
         */
        Compare.create = function(properties) {
            return new Compare(properties);
        };

        /**
         * Encodes the specified Compare message. Does not implicitly {@link etcdserverpb.Compare.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.Compare
         * @static
         * @param {etcdserverpb.Compare.$Properties} message Compare message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Compare.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.result != null && $Object.hasOwnProperty.call(message, "result") && message.result !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.result);
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.target);
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.key);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.version);
            if (message.createRevision != null && $Object.hasOwnProperty.call(message, "createRevision"))
                writer.uint32(/* id 5, wireType 0 =*/40).int64(message.createRevision);
            if (message.modRevision != null && $Object.hasOwnProperty.call(message, "modRevision"))
                writer.uint32(/* id 6, wireType 0 =*/48).int64(message.modRevision);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.value);
            if (message.lease != null && $Object.hasOwnProperty.call(message, "lease"))
                writer.uint32(/* id 8, wireType 0 =*/64).int64(message.lease);
            if (message.rangeEnd != null && $Object.hasOwnProperty.call(message, "rangeEnd") && message.rangeEnd.length)
                writer.uint32(/* id 64, wireType 2 =*/514).bytes(message.rangeEnd);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Compare message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.Compare
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.Compare & etcdserverpb.Compare.$Shape} Compare
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Compare.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.Compare();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.result = value;
                        else
                            delete message.result;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.version = reader.int64();
                        message.targetUnion = "version";
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.createRevision = reader.int64();
                        message.targetUnion = "createRevision";
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.modRevision = reader.int64();
                        message.targetUnion = "modRevision";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.value = reader.bytes();
                        message.targetUnion = "value";
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        message.lease = reader.int64();
                        message.targetUnion = "lease";
                        continue;
                    }
                case 64: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.rangeEnd = value;
                        else
                            delete message.rangeEnd;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Compare
         * @function getTypeUrl
         * @memberof etcdserverpb.Compare
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Compare.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.Compare";
        };

        /**
         * CompareResult enum.
         * @name etcdserverpb.Compare.CompareResult
         * @enum {number}
         * @property {number} EQUAL=0 EQUAL value
         * @property {number} GREATER=1 GREATER value
         * @property {number} LESS=2 LESS value
         * @property {number} NOT_EQUAL=3 NOT_EQUAL value
         */
        Compare.CompareResult = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "EQUAL"] = 0;
            values[valuesById[1] = "GREATER"] = 1;
            values[valuesById[2] = "LESS"] = 2;
            values[valuesById[3] = "NOT_EQUAL"] = 3;
            return values;
        })();

        /**
         * CompareTarget enum.
         * @name etcdserverpb.Compare.CompareTarget
         * @enum {number}
         * @property {number} VERSION=0 VERSION value
         * @property {number} CREATE=1 CREATE value
         * @property {number} MOD=2 MOD value
         * @property {number} VALUE=3 VALUE value
         * @property {number} LEASE=4 LEASE value
         */
        Compare.CompareTarget = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "VERSION"] = 0;
            values[valuesById[1] = "CREATE"] = 1;
            values[valuesById[2] = "MOD"] = 2;
            values[valuesById[3] = "VALUE"] = 3;
            values[valuesById[4] = "LEASE"] = 4;
            return values;
        })();

        return Compare;
    })();

    etcdserverpb.TxnRequest = (function() {

        /**
         * Properties of a TxnRequest.
         * @typedef {Object} etcdserverpb.TxnRequest.$Properties
         * @property {Array.<etcdserverpb.Compare.$Properties>|null} [compare] TxnRequest compare
         * @property {Array.<etcdserverpb.RequestOp.$Properties>|null} [success] TxnRequest success
         * @property {Array.<etcdserverpb.RequestOp.$Properties>|null} [failure] TxnRequest failure
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TxnRequest.
         * @memberof etcdserverpb
         * @interface ITxnRequest
         * @augments etcdserverpb.TxnRequest.$Properties
         * @deprecated Use etcdserverpb.TxnRequest.$Properties instead.
         */

        /**
         * Shape of a TxnRequest.
         * @typedef {{
         *   compare?: Array.<etcdserverpb.Compare.$Shape>|null;
         *   success?: Array.<etcdserverpb.RequestOp.$Shape>|null;
         *   failure?: Array.<etcdserverpb.RequestOp.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} etcdserverpb.TxnRequest.$Shape
         */

        /**
         * Constructs a new TxnRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a TxnRequest.
         * @constructor
         * @param {etcdserverpb.TxnRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TxnRequest = function (properties) {
            this.compare = [];
            this.success = [];
            this.failure = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TxnRequest compare.
         * @member {Array.<etcdserverpb.Compare.$Properties>} compare
         * @memberof etcdserverpb.TxnRequest
         * @instance
         */
        TxnRequest.prototype.compare = $util.emptyArray;

        /**
         * TxnRequest success.
         * @member {Array.<etcdserverpb.RequestOp.$Properties>} success
         * @memberof etcdserverpb.TxnRequest
         * @instance
         */
        TxnRequest.prototype.success = $util.emptyArray;

        /**
         * TxnRequest failure.
         * @member {Array.<etcdserverpb.RequestOp.$Properties>} failure
         * @memberof etcdserverpb.TxnRequest
         * @instance
         */
        TxnRequest.prototype.failure = $util.emptyArray;

        /**
         * Creates a new TxnRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.TxnRequest
         * @static
         * @param {etcdserverpb.TxnRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.TxnRequest} TxnRequest instance
         * @type {{
         *   (properties: etcdserverpb.TxnRequest.$Shape): etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape;
         *   (properties?: etcdserverpb.TxnRequest.$Properties): etcdserverpb.TxnRequest;
         * }}
         */
        TxnRequest.create = function(properties) {
            return new TxnRequest(properties);
        };

        /**
         * Encodes the specified TxnRequest message. Does not implicitly {@link etcdserverpb.TxnRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.TxnRequest
         * @static
         * @param {etcdserverpb.TxnRequest.$Properties} message TxnRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TxnRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.compare != null && message.compare.length)
                for (let i = 0; i < message.compare.length; ++i)
                    $root.etcdserverpb.Compare.encode(message.compare[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.success != null && message.success.length)
                for (let i = 0; i < message.success.length; ++i)
                    $root.etcdserverpb.RequestOp.encode(message.success[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.failure != null && message.failure.length)
                for (let i = 0; i < message.failure.length; ++i)
                    $root.etcdserverpb.RequestOp.encode(message.failure[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TxnRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.TxnRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape} TxnRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TxnRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.TxnRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.compare && message.compare.length))
                            message.compare = [];
                        message.compare.push($root.etcdserverpb.Compare.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.success && message.success.length))
                            message.success = [];
                        message.success.push($root.etcdserverpb.RequestOp.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.failure && message.failure.length))
                            message.failure = [];
                        message.failure.push($root.etcdserverpb.RequestOp.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for TxnRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.TxnRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TxnRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.TxnRequest";
        };

        return TxnRequest;
    })();

    etcdserverpb.TxnResponse = (function() {

        /**
         * Properties of a TxnResponse.
         * @typedef {Object} etcdserverpb.TxnResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] TxnResponse header
         * @property {boolean|null} [succeeded] TxnResponse succeeded
         * @property {Array.<etcdserverpb.ResponseOp.$Properties>|null} [responses] TxnResponse responses
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TxnResponse.
         * @memberof etcdserverpb
         * @interface ITxnResponse
         * @augments etcdserverpb.TxnResponse.$Properties
         * @deprecated Use etcdserverpb.TxnResponse.$Properties instead.
         */

        /**
         * Shape of a TxnResponse.
         * @typedef {{
         *   header?: etcdserverpb.ResponseHeader.$Shape|null;
         *   succeeded?: boolean|null;
         *   responses?: Array.<etcdserverpb.ResponseOp.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} etcdserverpb.TxnResponse.$Shape
         */

        /**
         * Constructs a new TxnResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a TxnResponse.
         * @constructor
         * @param {etcdserverpb.TxnResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TxnResponse = function (properties) {
            this.responses = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TxnResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.TxnResponse
         * @instance
         */
        TxnResponse.prototype.header = null;

        /**
         * TxnResponse succeeded.
         * @member {boolean} succeeded
         * @memberof etcdserverpb.TxnResponse
         * @instance
         */
        TxnResponse.prototype.succeeded = false;

        /**
         * TxnResponse responses.
         * @member {Array.<etcdserverpb.ResponseOp.$Properties>} responses
         * @memberof etcdserverpb.TxnResponse
         * @instance
         */
        TxnResponse.prototype.responses = $util.emptyArray;

        /**
         * Creates a new TxnResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.TxnResponse
         * @static
         * @param {etcdserverpb.TxnResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.TxnResponse} TxnResponse instance
         * @type {{
         *   (properties: etcdserverpb.TxnResponse.$Shape): etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape;
         *   (properties?: etcdserverpb.TxnResponse.$Properties): etcdserverpb.TxnResponse;
         * }}
         */
        TxnResponse.create = function(properties) {
            return new TxnResponse(properties);
        };

        /**
         * Encodes the specified TxnResponse message. Does not implicitly {@link etcdserverpb.TxnResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.TxnResponse
         * @static
         * @param {etcdserverpb.TxnResponse.$Properties} message TxnResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TxnResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.succeeded != null && $Object.hasOwnProperty.call(message, "succeeded") && message.succeeded !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.succeeded);
            if (message.responses != null && message.responses.length)
                for (let i = 0; i < message.responses.length; ++i)
                    $root.etcdserverpb.ResponseOp.encode(message.responses[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TxnResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.TxnResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape} TxnResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TxnResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.TxnResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.succeeded = value;
                        else
                            delete message.succeeded;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.responses && message.responses.length))
                            message.responses = [];
                        message.responses.push($root.etcdserverpb.ResponseOp.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for TxnResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.TxnResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TxnResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.TxnResponse";
        };

        return TxnResponse;
    })();

    etcdserverpb.CompactionRequest = (function() {

        /**
         * Properties of a CompactionRequest.
         * @typedef {Object} etcdserverpb.CompactionRequest.$Properties
         * @property {number|null} [revision] CompactionRequest revision
         * @property {boolean|null} [physical] CompactionRequest physical
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CompactionRequest.
         * @memberof etcdserverpb
         * @interface ICompactionRequest
         * @augments etcdserverpb.CompactionRequest.$Properties
         * @deprecated Use etcdserverpb.CompactionRequest.$Properties instead.
         */

        /**
         * Shape of a CompactionRequest.
         * @typedef {etcdserverpb.CompactionRequest.$Properties} etcdserverpb.CompactionRequest.$Shape
         */

        /**
         * Constructs a new CompactionRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a CompactionRequest.
         * @constructor
         * @param {etcdserverpb.CompactionRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CompactionRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CompactionRequest revision.
         * @member {number} revision
         * @memberof etcdserverpb.CompactionRequest
         * @instance
         */
        CompactionRequest.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * CompactionRequest physical.
         * @member {boolean} physical
         * @memberof etcdserverpb.CompactionRequest
         * @instance
         */
        CompactionRequest.prototype.physical = false;

        /**
         * Creates a new CompactionRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.CompactionRequest
         * @static
         * @param {etcdserverpb.CompactionRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.CompactionRequest} CompactionRequest instance
         * @type {{
         *   (properties: etcdserverpb.CompactionRequest.$Shape): etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape;
         *   (properties?: etcdserverpb.CompactionRequest.$Properties): etcdserverpb.CompactionRequest;
         * }}
         */
        CompactionRequest.create = function(properties) {
            return new CompactionRequest(properties);
        };

        /**
         * Encodes the specified CompactionRequest message. Does not implicitly {@link etcdserverpb.CompactionRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.CompactionRequest
         * @static
         * @param {etcdserverpb.CompactionRequest.$Properties} message CompactionRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CompactionRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.revision);
            if (message.physical != null && $Object.hasOwnProperty.call(message, "physical") && message.physical !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.physical);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CompactionRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.CompactionRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape} CompactionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CompactionRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.CompactionRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.physical = value;
                        else
                            delete message.physical;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for CompactionRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.CompactionRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CompactionRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.CompactionRequest";
        };

        return CompactionRequest;
    })();

    etcdserverpb.CompactionResponse = (function() {

        /**
         * Properties of a CompactionResponse.
         * @typedef {Object} etcdserverpb.CompactionResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] CompactionResponse header
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CompactionResponse.
         * @memberof etcdserverpb
         * @interface ICompactionResponse
         * @augments etcdserverpb.CompactionResponse.$Properties
         * @deprecated Use etcdserverpb.CompactionResponse.$Properties instead.
         */

        /**
         * Shape of a CompactionResponse.
         * @typedef {etcdserverpb.CompactionResponse.$Properties} etcdserverpb.CompactionResponse.$Shape
         */

        /**
         * Constructs a new CompactionResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a CompactionResponse.
         * @constructor
         * @param {etcdserverpb.CompactionResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CompactionResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CompactionResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.CompactionResponse
         * @instance
         */
        CompactionResponse.prototype.header = null;

        /**
         * Creates a new CompactionResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.CompactionResponse
         * @static
         * @param {etcdserverpb.CompactionResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.CompactionResponse} CompactionResponse instance
         * @type {{
         *   (properties: etcdserverpb.CompactionResponse.$Shape): etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape;
         *   (properties?: etcdserverpb.CompactionResponse.$Properties): etcdserverpb.CompactionResponse;
         * }}
         */
        CompactionResponse.create = function(properties) {
            return new CompactionResponse(properties);
        };

        /**
         * Encodes the specified CompactionResponse message. Does not implicitly {@link etcdserverpb.CompactionResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.CompactionResponse
         * @static
         * @param {etcdserverpb.CompactionResponse.$Properties} message CompactionResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CompactionResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CompactionResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.CompactionResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape} CompactionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CompactionResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.CompactionResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for CompactionResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.CompactionResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CompactionResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.CompactionResponse";
        };

        return CompactionResponse;
    })();

    etcdserverpb.HashRequest = (function() {

        /**
         * Properties of a HashRequest.
         * @typedef {Object} etcdserverpb.HashRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HashRequest.
         * @memberof etcdserverpb
         * @interface IHashRequest
         * @augments etcdserverpb.HashRequest.$Properties
         * @deprecated Use etcdserverpb.HashRequest.$Properties instead.
         */

        /**
         * Shape of a HashRequest.
         * @typedef {etcdserverpb.HashRequest.$Properties} etcdserverpb.HashRequest.$Shape
         */

        /**
         * Constructs a new HashRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a HashRequest.
         * @constructor
         * @param {etcdserverpb.HashRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HashRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new HashRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.HashRequest
         * @static
         * @param {etcdserverpb.HashRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.HashRequest} HashRequest instance
         * @type {{
         *   (properties: etcdserverpb.HashRequest.$Shape): etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape;
         *   (properties?: etcdserverpb.HashRequest.$Properties): etcdserverpb.HashRequest;
         * }}
         */
        HashRequest.create = function(properties) {
            return new HashRequest(properties);
        };

        /**
         * Encodes the specified HashRequest message. Does not implicitly {@link etcdserverpb.HashRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.HashRequest
         * @static
         * @param {etcdserverpb.HashRequest.$Properties} message HashRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HashRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HashRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.HashRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape} HashRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HashRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.HashRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for HashRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.HashRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HashRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.HashRequest";
        };

        return HashRequest;
    })();

    etcdserverpb.HashKVRequest = (function() {

        /**
         * Properties of a HashKVRequest.
         * @typedef {Object} etcdserverpb.HashKVRequest.$Properties
         * @property {number|null} [revision] HashKVRequest revision
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HashKVRequest.
         * @memberof etcdserverpb
         * @interface IHashKVRequest
         * @augments etcdserverpb.HashKVRequest.$Properties
         * @deprecated Use etcdserverpb.HashKVRequest.$Properties instead.
         */

        /**
         * Shape of a HashKVRequest.
         * @typedef {etcdserverpb.HashKVRequest.$Properties} etcdserverpb.HashKVRequest.$Shape
         */

        /**
         * Constructs a new HashKVRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a HashKVRequest.
         * @constructor
         * @param {etcdserverpb.HashKVRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HashKVRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HashKVRequest revision.
         * @member {number} revision
         * @memberof etcdserverpb.HashKVRequest
         * @instance
         */
        HashKVRequest.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new HashKVRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.HashKVRequest
         * @static
         * @param {etcdserverpb.HashKVRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.HashKVRequest} HashKVRequest instance
         * @type {{
         *   (properties: etcdserverpb.HashKVRequest.$Shape): etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape;
         *   (properties?: etcdserverpb.HashKVRequest.$Properties): etcdserverpb.HashKVRequest;
         * }}
         */
        HashKVRequest.create = function(properties) {
            return new HashKVRequest(properties);
        };

        /**
         * Encodes the specified HashKVRequest message. Does not implicitly {@link etcdserverpb.HashKVRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.HashKVRequest
         * @static
         * @param {etcdserverpb.HashKVRequest.$Properties} message HashKVRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HashKVRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.revision);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HashKVRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.HashKVRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape} HashKVRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HashKVRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.HashKVRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.revision = value;
                        else
                            delete message.revision;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for HashKVRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.HashKVRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HashKVRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.HashKVRequest";
        };

        return HashKVRequest;
    })();

    etcdserverpb.HashKVResponse = (function() {

        /**
         * Properties of a HashKVResponse.
         * @typedef {Object} etcdserverpb.HashKVResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] HashKVResponse header
         * @property {number|null} [hash] HashKVResponse hash
         * @property {number|null} [compactRevision] HashKVResponse compactRevision
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HashKVResponse.
         * @memberof etcdserverpb
         * @interface IHashKVResponse
         * @augments etcdserverpb.HashKVResponse.$Properties
         * @deprecated Use etcdserverpb.HashKVResponse.$Properties instead.
         */

        /**
         * Shape of a HashKVResponse.
         * @typedef {etcdserverpb.HashKVResponse.$Properties} etcdserverpb.HashKVResponse.$Shape
         */

        /**
         * Constructs a new HashKVResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a HashKVResponse.
         * @constructor
         * @param {etcdserverpb.HashKVResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HashKVResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HashKVResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.HashKVResponse
         * @instance
         */
        HashKVResponse.prototype.header = null;

        /**
         * HashKVResponse hash.
         * @member {number} hash
         * @memberof etcdserverpb.HashKVResponse
         * @instance
         */
        HashKVResponse.prototype.hash = 0;

        /**
         * HashKVResponse compactRevision.
         * @member {number} compactRevision
         * @memberof etcdserverpb.HashKVResponse
         * @instance
         */
        HashKVResponse.prototype.compactRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new HashKVResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.HashKVResponse
         * @static
         * @param {etcdserverpb.HashKVResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.HashKVResponse} HashKVResponse instance
         * @type {{
         *   (properties: etcdserverpb.HashKVResponse.$Shape): etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape;
         *   (properties?: etcdserverpb.HashKVResponse.$Properties): etcdserverpb.HashKVResponse;
         * }}
         */
        HashKVResponse.create = function(properties) {
            return new HashKVResponse(properties);
        };

        /**
         * Encodes the specified HashKVResponse message. Does not implicitly {@link etcdserverpb.HashKVResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.HashKVResponse
         * @static
         * @param {etcdserverpb.HashKVResponse.$Properties} message HashKVResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HashKVResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.hash != null && $Object.hasOwnProperty.call(message, "hash") && message.hash !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.hash);
            if (message.compactRevision != null && $Object.hasOwnProperty.call(message, "compactRevision") && (typeof message.compactRevision === "object" ? message.compactRevision.low || message.compactRevision.high : message.compactRevision !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.compactRevision);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HashKVResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.HashKVResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape} HashKVResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HashKVResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.HashKVResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.hash = value;
                        else
                            delete message.hash;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.compactRevision = value;
                        else
                            delete message.compactRevision;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for HashKVResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.HashKVResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HashKVResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.HashKVResponse";
        };

        return HashKVResponse;
    })();

    etcdserverpb.HashResponse = (function() {

        /**
         * Properties of a HashResponse.
         * @typedef {Object} etcdserverpb.HashResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] HashResponse header
         * @property {number|null} [hash] HashResponse hash
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HashResponse.
         * @memberof etcdserverpb
         * @interface IHashResponse
         * @augments etcdserverpb.HashResponse.$Properties
         * @deprecated Use etcdserverpb.HashResponse.$Properties instead.
         */

        /**
         * Shape of a HashResponse.
         * @typedef {etcdserverpb.HashResponse.$Properties} etcdserverpb.HashResponse.$Shape
         */

        /**
         * Constructs a new HashResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a HashResponse.
         * @constructor
         * @param {etcdserverpb.HashResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HashResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HashResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.HashResponse
         * @instance
         */
        HashResponse.prototype.header = null;

        /**
         * HashResponse hash.
         * @member {number} hash
         * @memberof etcdserverpb.HashResponse
         * @instance
         */
        HashResponse.prototype.hash = 0;

        /**
         * Creates a new HashResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.HashResponse
         * @static
         * @param {etcdserverpb.HashResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.HashResponse} HashResponse instance
         * @type {{
         *   (properties: etcdserverpb.HashResponse.$Shape): etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape;
         *   (properties?: etcdserverpb.HashResponse.$Properties): etcdserverpb.HashResponse;
         * }}
         */
        HashResponse.create = function(properties) {
            return new HashResponse(properties);
        };

        /**
         * Encodes the specified HashResponse message. Does not implicitly {@link etcdserverpb.HashResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.HashResponse
         * @static
         * @param {etcdserverpb.HashResponse.$Properties} message HashResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HashResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.hash != null && $Object.hasOwnProperty.call(message, "hash") && message.hash !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.hash);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HashResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.HashResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape} HashResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HashResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.HashResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.hash = value;
                        else
                            delete message.hash;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for HashResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.HashResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        HashResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.HashResponse";
        };

        return HashResponse;
    })();

    etcdserverpb.SnapshotRequest = (function() {

        /**
         * Properties of a SnapshotRequest.
         * @typedef {Object} etcdserverpb.SnapshotRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SnapshotRequest.
         * @memberof etcdserverpb
         * @interface ISnapshotRequest
         * @augments etcdserverpb.SnapshotRequest.$Properties
         * @deprecated Use etcdserverpb.SnapshotRequest.$Properties instead.
         */

        /**
         * Shape of a SnapshotRequest.
         * @typedef {etcdserverpb.SnapshotRequest.$Properties} etcdserverpb.SnapshotRequest.$Shape
         */

        /**
         * Constructs a new SnapshotRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a SnapshotRequest.
         * @constructor
         * @param {etcdserverpb.SnapshotRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SnapshotRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new SnapshotRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.SnapshotRequest
         * @static
         * @param {etcdserverpb.SnapshotRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.SnapshotRequest} SnapshotRequest instance
         * @type {{
         *   (properties: etcdserverpb.SnapshotRequest.$Shape): etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape;
         *   (properties?: etcdserverpb.SnapshotRequest.$Properties): etcdserverpb.SnapshotRequest;
         * }}
         */
        SnapshotRequest.create = function(properties) {
            return new SnapshotRequest(properties);
        };

        /**
         * Encodes the specified SnapshotRequest message. Does not implicitly {@link etcdserverpb.SnapshotRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.SnapshotRequest
         * @static
         * @param {etcdserverpb.SnapshotRequest.$Properties} message SnapshotRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SnapshotRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SnapshotRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.SnapshotRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape} SnapshotRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SnapshotRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.SnapshotRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for SnapshotRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.SnapshotRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SnapshotRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.SnapshotRequest";
        };

        return SnapshotRequest;
    })();

    etcdserverpb.SnapshotResponse = (function() {

        /**
         * Properties of a SnapshotResponse.
         * @typedef {Object} etcdserverpb.SnapshotResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] SnapshotResponse header
         * @property {number|null} [remainingBytes] SnapshotResponse remainingBytes
         * @property {Uint8Array|null} [blob] SnapshotResponse blob
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SnapshotResponse.
         * @memberof etcdserverpb
         * @interface ISnapshotResponse
         * @augments etcdserverpb.SnapshotResponse.$Properties
         * @deprecated Use etcdserverpb.SnapshotResponse.$Properties instead.
         */

        /**
         * Shape of a SnapshotResponse.
         * @typedef {etcdserverpb.SnapshotResponse.$Properties} etcdserverpb.SnapshotResponse.$Shape
         */

        /**
         * Constructs a new SnapshotResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a SnapshotResponse.
         * @constructor
         * @param {etcdserverpb.SnapshotResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SnapshotResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SnapshotResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.SnapshotResponse
         * @instance
         */
        SnapshotResponse.prototype.header = null;

        /**
         * SnapshotResponse remainingBytes.
         * @member {number} remainingBytes
         * @memberof etcdserverpb.SnapshotResponse
         * @instance
         */
        SnapshotResponse.prototype.remainingBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SnapshotResponse blob.
         * @member {Uint8Array} blob
         * @memberof etcdserverpb.SnapshotResponse
         * @instance
         */
        SnapshotResponse.prototype.blob = $util.newBuffer([]);

        /**
         * Creates a new SnapshotResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.SnapshotResponse
         * @static
         * @param {etcdserverpb.SnapshotResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.SnapshotResponse} SnapshotResponse instance
         * @type {{
         *   (properties: etcdserverpb.SnapshotResponse.$Shape): etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape;
         *   (properties?: etcdserverpb.SnapshotResponse.$Properties): etcdserverpb.SnapshotResponse;
         * }}
         */
        SnapshotResponse.create = function(properties) {
            return new SnapshotResponse(properties);
        };

        /**
         * Encodes the specified SnapshotResponse message. Does not implicitly {@link etcdserverpb.SnapshotResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.SnapshotResponse
         * @static
         * @param {etcdserverpb.SnapshotResponse.$Properties} message SnapshotResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SnapshotResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.remainingBytes != null && $Object.hasOwnProperty.call(message, "remainingBytes") && (typeof message.remainingBytes === "object" ? message.remainingBytes.low || message.remainingBytes.high : message.remainingBytes !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.remainingBytes);
            if (message.blob != null && $Object.hasOwnProperty.call(message, "blob") && message.blob.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.blob);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SnapshotResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.SnapshotResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape} SnapshotResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SnapshotResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.SnapshotResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.remainingBytes = value;
                        else
                            delete message.remainingBytes;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.blob = value;
                        else
                            delete message.blob;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for SnapshotResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.SnapshotResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SnapshotResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.SnapshotResponse";
        };

        return SnapshotResponse;
    })();

    etcdserverpb.WatchRequest = (function() {

        /**
         * Properties of a WatchRequest.
         * @typedef {Object} etcdserverpb.WatchRequest.$Properties
         * @property {etcdserverpb.WatchCreateRequest.$Properties|null} [createRequest] WatchRequest createRequest
         * @property {etcdserverpb.WatchCancelRequest.$Properties|null} [cancelRequest] WatchRequest cancelRequest
         * @property {etcdserverpb.WatchProgressRequest.$Properties|null} [progressRequest] WatchRequest progressRequest
         * @property {"createRequest"|"cancelRequest"|"progressRequest"} [requestUnion] WatchRequest requestUnion
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WatchRequest.
         * @memberof etcdserverpb
         * @interface IWatchRequest
         * @augments etcdserverpb.WatchRequest.$Properties
         * @deprecated Use etcdserverpb.WatchRequest.$Properties instead.
         */

        /**
         * Narrowed shape of a WatchRequest.
         * @typedef {{
         *   createRequest?: etcdserverpb.WatchCreateRequest.$Shape|null;
         *   cancelRequest?: etcdserverpb.WatchCancelRequest.$Shape|null;
         *   progressRequest?: etcdserverpb.WatchProgressRequest.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ requestUnion?: undefined; createRequest?: null; cancelRequest?: null; progressRequest?: null }|{ requestUnion?: "createRequest"; createRequest: etcdserverpb.WatchCreateRequest.$Shape; cancelRequest?: null; progressRequest?: null }|{ requestUnion?: "cancelRequest"; createRequest?: null; cancelRequest: etcdserverpb.WatchCancelRequest.$Shape; progressRequest?: null }|{ requestUnion?: "progressRequest"; createRequest?: null; cancelRequest?: null; progressRequest: etcdserverpb.WatchProgressRequest.$Shape })
         * )} etcdserverpb.WatchRequest.$Shape
         */

        /**
         * Constructs a new WatchRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a WatchRequest.
         * @constructor
         * @param {etcdserverpb.WatchRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WatchRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WatchRequest createRequest.
         * @member {etcdserverpb.WatchCreateRequest.$Properties|null|undefined} createRequest
         * @memberof etcdserverpb.WatchRequest
         * @instance
         */
        WatchRequest.prototype.createRequest = null;

        /**
         * WatchRequest cancelRequest.
         * @member {etcdserverpb.WatchCancelRequest.$Properties|null|undefined} cancelRequest
         * @memberof etcdserverpb.WatchRequest
         * @instance
         */
        WatchRequest.prototype.cancelRequest = null;

        /**
         * WatchRequest progressRequest.
         * @member {etcdserverpb.WatchProgressRequest.$Properties|null|undefined} progressRequest
         * @memberof etcdserverpb.WatchRequest
         * @instance
         */
        WatchRequest.prototype.progressRequest = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * WatchRequest requestUnion.
         * @member {"createRequest"|"cancelRequest"|"progressRequest"|undefined} requestUnion
         * @memberof etcdserverpb.WatchRequest
         * @instance
         */
        $Object.defineProperty(WatchRequest.prototype, "requestUnion", {
            get: $util.oneOfGetter($oneOfFields = ["createRequest", "cancelRequest", "progressRequest"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new WatchRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.WatchRequest
         * @static
         * @param {etcdserverpb.WatchRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.WatchRequest} WatchRequest instance
         * @type {{
         *   (properties: etcdserverpb.WatchRequest.$Shape): etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape;
         *   (properties?: etcdserverpb.WatchRequest.$Properties): etcdserverpb.WatchRequest;
         * }}
         */
        WatchRequest.create = function(properties) {
            return new WatchRequest(properties);
        };

        /**
         * Encodes the specified WatchRequest message. Does not implicitly {@link etcdserverpb.WatchRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.WatchRequest
         * @static
         * @param {etcdserverpb.WatchRequest.$Properties} message WatchRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WatchRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.createRequest != null && $Object.hasOwnProperty.call(message, "createRequest"))
                $root.etcdserverpb.WatchCreateRequest.encode(message.createRequest, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.cancelRequest != null && $Object.hasOwnProperty.call(message, "cancelRequest"))
                $root.etcdserverpb.WatchCancelRequest.encode(message.cancelRequest, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.progressRequest != null && $Object.hasOwnProperty.call(message, "progressRequest"))
                $root.etcdserverpb.WatchProgressRequest.encode(message.progressRequest, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WatchRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.WatchRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape} WatchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WatchRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.WatchRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.createRequest = $root.etcdserverpb.WatchCreateRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.createRequest);
                        message.requestUnion = "createRequest";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.cancelRequest = $root.etcdserverpb.WatchCancelRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.cancelRequest);
                        message.requestUnion = "cancelRequest";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.progressRequest = $root.etcdserverpb.WatchProgressRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.progressRequest);
                        message.requestUnion = "progressRequest";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WatchRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.WatchRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WatchRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.WatchRequest";
        };

        return WatchRequest;
    })();

    etcdserverpb.WatchCreateRequest = (function() {

        /**
         * Properties of a WatchCreateRequest.
         * @typedef {Object} etcdserverpb.WatchCreateRequest.$Properties
         * @property {Uint8Array|null} [key] WatchCreateRequest key
         * @property {Uint8Array|null} [rangeEnd] WatchCreateRequest rangeEnd
         * @property {number|null} [startRevision] WatchCreateRequest startRevision
         * @property {boolean|null} [progressNotify] WatchCreateRequest progressNotify
         * @property {Array.<etcdserverpb.WatchCreateRequest.FilterType>|null} [filters] WatchCreateRequest filters
         * @property {boolean|null} [prevKv] WatchCreateRequest prevKv
         * @property {number|null} [watchId] WatchCreateRequest watchId
         * @property {boolean|null} [fragment] WatchCreateRequest fragment
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WatchCreateRequest.
         * @memberof etcdserverpb
         * @interface IWatchCreateRequest
         * @augments etcdserverpb.WatchCreateRequest.$Properties
         * @deprecated Use etcdserverpb.WatchCreateRequest.$Properties instead.
         */

        /**
         * Shape of a WatchCreateRequest.
         * @typedef {etcdserverpb.WatchCreateRequest.$Properties} etcdserverpb.WatchCreateRequest.$Shape
         */

        /**
         * Constructs a new WatchCreateRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a WatchCreateRequest.
         * @constructor
         * @param {etcdserverpb.WatchCreateRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WatchCreateRequest = function (properties) {
            this.filters = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WatchCreateRequest key.
         * @member {Uint8Array} key
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.key = $util.newBuffer([]);

        /**
         * WatchCreateRequest rangeEnd.
         * @member {Uint8Array} rangeEnd
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.rangeEnd = $util.newBuffer([]);

        /**
         * WatchCreateRequest startRevision.
         * @member {number} startRevision
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.startRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * WatchCreateRequest progressNotify.
         * @member {boolean} progressNotify
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.progressNotify = false;

        /**
         * WatchCreateRequest filters.
         * @member {Array.<etcdserverpb.WatchCreateRequest.FilterType>} filters
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.filters = $util.emptyArray;

        /**
         * WatchCreateRequest prevKv.
         * @member {boolean} prevKv
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.prevKv = false;

        /**
         * WatchCreateRequest watchId.
         * @member {number} watchId
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.watchId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * WatchCreateRequest fragment.
         * @member {boolean} fragment
         * @memberof etcdserverpb.WatchCreateRequest
         * @instance
         */
        WatchCreateRequest.prototype.fragment = false;

        /**
         * Creates a new WatchCreateRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.WatchCreateRequest
         * @static
         * @param {etcdserverpb.WatchCreateRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.WatchCreateRequest} WatchCreateRequest instance
         * @type {{
         *   (properties: etcdserverpb.WatchCreateRequest.$Shape): etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape;
         *   (properties?: etcdserverpb.WatchCreateRequest.$Properties): etcdserverpb.WatchCreateRequest;
         * }}
         */
        WatchCreateRequest.create = function(properties) {
            return new WatchCreateRequest(properties);
        };

        /**
         * Encodes the specified WatchCreateRequest message. Does not implicitly {@link etcdserverpb.WatchCreateRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.WatchCreateRequest
         * @static
         * @param {etcdserverpb.WatchCreateRequest.$Properties} message WatchCreateRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WatchCreateRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.rangeEnd != null && $Object.hasOwnProperty.call(message, "rangeEnd") && message.rangeEnd.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.rangeEnd);
            if (message.startRevision != null && $Object.hasOwnProperty.call(message, "startRevision") && (typeof message.startRevision === "object" ? message.startRevision.low || message.startRevision.high : message.startRevision !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.startRevision);
            if (message.progressNotify != null && $Object.hasOwnProperty.call(message, "progressNotify") && message.progressNotify !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.progressNotify);
            if (message.filters != null && message.filters.length)
                writer.uint32(/* id 5, wireType 2 =*/42).int32s(message.filters);
            if (message.prevKv != null && $Object.hasOwnProperty.call(message, "prevKv") && message.prevKv !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.prevKv);
            if (message.watchId != null && $Object.hasOwnProperty.call(message, "watchId") && (typeof message.watchId === "object" ? message.watchId.low || message.watchId.high : message.watchId !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).int64(message.watchId);
            if (message.fragment != null && $Object.hasOwnProperty.call(message, "fragment") && message.fragment !== false)
                writer.uint32(/* id 8, wireType 0 =*/64).bool(message.fragment);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WatchCreateRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.WatchCreateRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape} WatchCreateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WatchCreateRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.WatchCreateRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.rangeEnd = value;
                        else
                            delete message.rangeEnd;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.startRevision = value;
                        else
                            delete message.startRevision;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.progressNotify = value;
                        else
                            delete message.progressNotify;
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.filters && message.filters.length))
                                message.filters = [];
                            reader.int32s(message.filters);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.filters && message.filters.length))
                            message.filters = [];
                        message.filters.push(reader.int32());
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.prevKv = value;
                        else
                            delete message.prevKv;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.watchId = value;
                        else
                            delete message.watchId;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.fragment = value;
                        else
                            delete message.fragment;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WatchCreateRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.WatchCreateRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WatchCreateRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.WatchCreateRequest";
        };

        /**
         * FilterType enum.
         * @name etcdserverpb.WatchCreateRequest.FilterType
         * @enum {number}
         * @property {number} NOPUT=0 NOPUT value
         * @property {number} NODELETE=1 NODELETE value
         */
        WatchCreateRequest.FilterType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NOPUT"] = 0;
            values[valuesById[1] = "NODELETE"] = 1;
            return values;
        })();

        return WatchCreateRequest;
    })();

    etcdserverpb.WatchCancelRequest = (function() {

        /**
         * Properties of a WatchCancelRequest.
         * @typedef {Object} etcdserverpb.WatchCancelRequest.$Properties
         * @property {number|null} [watchId] WatchCancelRequest watchId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WatchCancelRequest.
         * @memberof etcdserverpb
         * @interface IWatchCancelRequest
         * @augments etcdserverpb.WatchCancelRequest.$Properties
         * @deprecated Use etcdserverpb.WatchCancelRequest.$Properties instead.
         */

        /**
         * Shape of a WatchCancelRequest.
         * @typedef {etcdserverpb.WatchCancelRequest.$Properties} etcdserverpb.WatchCancelRequest.$Shape
         */

        /**
         * Constructs a new WatchCancelRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a WatchCancelRequest.
         * @constructor
         * @param {etcdserverpb.WatchCancelRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WatchCancelRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WatchCancelRequest watchId.
         * @member {number} watchId
         * @memberof etcdserverpb.WatchCancelRequest
         * @instance
         */
        WatchCancelRequest.prototype.watchId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new WatchCancelRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.WatchCancelRequest
         * @static
         * @param {etcdserverpb.WatchCancelRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.WatchCancelRequest} WatchCancelRequest instance
         * @type {{
         *   (properties: etcdserverpb.WatchCancelRequest.$Shape): etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape;
         *   (properties?: etcdserverpb.WatchCancelRequest.$Properties): etcdserverpb.WatchCancelRequest;
         * }}
         */
        WatchCancelRequest.create = function(properties) {
            return new WatchCancelRequest(properties);
        };

        /**
         * Encodes the specified WatchCancelRequest message. Does not implicitly {@link etcdserverpb.WatchCancelRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.WatchCancelRequest
         * @static
         * @param {etcdserverpb.WatchCancelRequest.$Properties} message WatchCancelRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WatchCancelRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.watchId != null && $Object.hasOwnProperty.call(message, "watchId") && (typeof message.watchId === "object" ? message.watchId.low || message.watchId.high : message.watchId !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.watchId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WatchCancelRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.WatchCancelRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape} WatchCancelRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WatchCancelRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.WatchCancelRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.watchId = value;
                        else
                            delete message.watchId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WatchCancelRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.WatchCancelRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WatchCancelRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.WatchCancelRequest";
        };

        return WatchCancelRequest;
    })();

    etcdserverpb.WatchProgressRequest = (function() {

        /**
         * Properties of a WatchProgressRequest.
         * @typedef {Object} etcdserverpb.WatchProgressRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WatchProgressRequest.
         * @memberof etcdserverpb
         * @interface IWatchProgressRequest
         * @augments etcdserverpb.WatchProgressRequest.$Properties
         * @deprecated Use etcdserverpb.WatchProgressRequest.$Properties instead.
         */

        /**
         * Shape of a WatchProgressRequest.
         * @typedef {etcdserverpb.WatchProgressRequest.$Properties} etcdserverpb.WatchProgressRequest.$Shape
         */

        /**
         * Constructs a new WatchProgressRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a WatchProgressRequest.
         * @constructor
         * @param {etcdserverpb.WatchProgressRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WatchProgressRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new WatchProgressRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.WatchProgressRequest
         * @static
         * @param {etcdserverpb.WatchProgressRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.WatchProgressRequest} WatchProgressRequest instance
         * @type {{
         *   (properties: etcdserverpb.WatchProgressRequest.$Shape): etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape;
         *   (properties?: etcdserverpb.WatchProgressRequest.$Properties): etcdserverpb.WatchProgressRequest;
         * }}
         */
        WatchProgressRequest.create = function(properties) {
            return new WatchProgressRequest(properties);
        };

        /**
         * Encodes the specified WatchProgressRequest message. Does not implicitly {@link etcdserverpb.WatchProgressRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.WatchProgressRequest
         * @static
         * @param {etcdserverpb.WatchProgressRequest.$Properties} message WatchProgressRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WatchProgressRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WatchProgressRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.WatchProgressRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape} WatchProgressRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WatchProgressRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.WatchProgressRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WatchProgressRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.WatchProgressRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WatchProgressRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.WatchProgressRequest";
        };

        return WatchProgressRequest;
    })();

    etcdserverpb.WatchResponse = (function() {

        /**
         * Properties of a WatchResponse.
         * @typedef {Object} etcdserverpb.WatchResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] WatchResponse header
         * @property {number|null} [watchId] WatchResponse watchId
         * @property {boolean|null} [created] WatchResponse created
         * @property {boolean|null} [canceled] WatchResponse canceled
         * @property {number|null} [compactRevision] WatchResponse compactRevision
         * @property {string|null} [cancelReason] WatchResponse cancelReason
         * @property {boolean|null} [fragment] WatchResponse fragment
         * @property {Array.<mvccpb.Event.$Properties>|null} [events] WatchResponse events
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WatchResponse.
         * @memberof etcdserverpb
         * @interface IWatchResponse
         * @augments etcdserverpb.WatchResponse.$Properties
         * @deprecated Use etcdserverpb.WatchResponse.$Properties instead.
         */

        /**
         * Shape of a WatchResponse.
         * @typedef {etcdserverpb.WatchResponse.$Properties} etcdserverpb.WatchResponse.$Shape
         */

        /**
         * Constructs a new WatchResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a WatchResponse.
         * @constructor
         * @param {etcdserverpb.WatchResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WatchResponse = function (properties) {
            this.events = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WatchResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.header = null;

        /**
         * WatchResponse watchId.
         * @member {number} watchId
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.watchId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * WatchResponse created.
         * @member {boolean} created
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.created = false;

        /**
         * WatchResponse canceled.
         * @member {boolean} canceled
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.canceled = false;

        /**
         * WatchResponse compactRevision.
         * @member {number} compactRevision
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.compactRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * WatchResponse cancelReason.
         * @member {string} cancelReason
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.cancelReason = "";

        /**
         * WatchResponse fragment.
         * @member {boolean} fragment
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.fragment = false;

        /**
         * WatchResponse events.
         * @member {Array.<mvccpb.Event.$Properties>} events
         * @memberof etcdserverpb.WatchResponse
         * @instance
         */
        WatchResponse.prototype.events = $util.emptyArray;

        /**
         * Creates a new WatchResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.WatchResponse
         * @static
         * @param {etcdserverpb.WatchResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.WatchResponse} WatchResponse instance
         * @type {{
         *   (properties: etcdserverpb.WatchResponse.$Shape): etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape;
         *   (properties?: etcdserverpb.WatchResponse.$Properties): etcdserverpb.WatchResponse;
         * }}
         */
        WatchResponse.create = function(properties) {
            return new WatchResponse(properties);
        };

        /**
         * Encodes the specified WatchResponse message. Does not implicitly {@link etcdserverpb.WatchResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.WatchResponse
         * @static
         * @param {etcdserverpb.WatchResponse.$Properties} message WatchResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WatchResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.watchId != null && $Object.hasOwnProperty.call(message, "watchId") && (typeof message.watchId === "object" ? message.watchId.low || message.watchId.high : message.watchId !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.watchId);
            if (message.created != null && $Object.hasOwnProperty.call(message, "created") && message.created !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.created);
            if (message.canceled != null && $Object.hasOwnProperty.call(message, "canceled") && message.canceled !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.canceled);
            if (message.compactRevision != null && $Object.hasOwnProperty.call(message, "compactRevision") && (typeof message.compactRevision === "object" ? message.compactRevision.low || message.compactRevision.high : message.compactRevision !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).int64(message.compactRevision);
            if (message.cancelReason != null && $Object.hasOwnProperty.call(message, "cancelReason") && message.cancelReason !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.cancelReason);
            if (message.fragment != null && $Object.hasOwnProperty.call(message, "fragment") && message.fragment !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.fragment);
            if (message.events != null && message.events.length)
                for (let i = 0; i < message.events.length; ++i)
                    $root.mvccpb.Event.encode(message.events[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WatchResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.WatchResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape} WatchResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WatchResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.WatchResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.watchId = value;
                        else
                            delete message.watchId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.created = value;
                        else
                            delete message.created;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.canceled = value;
                        else
                            delete message.canceled;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.compactRevision = value;
                        else
                            delete message.compactRevision;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.cancelReason = value;
                        else
                            delete message.cancelReason;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.fragment = value;
                        else
                            delete message.fragment;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if (!(message.events && message.events.length))
                            message.events = [];
                        message.events.push($root.mvccpb.Event.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WatchResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.WatchResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WatchResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.WatchResponse";
        };

        return WatchResponse;
    })();

    etcdserverpb.LeaseGrantRequest = (function() {

        /**
         * Properties of a LeaseGrantRequest.
         * @typedef {Object} etcdserverpb.LeaseGrantRequest.$Properties
         * @property {number|null} [TTL] LeaseGrantRequest TTL
         * @property {number|null} [ID] LeaseGrantRequest ID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseGrantRequest.
         * @memberof etcdserverpb
         * @interface ILeaseGrantRequest
         * @augments etcdserverpb.LeaseGrantRequest.$Properties
         * @deprecated Use etcdserverpb.LeaseGrantRequest.$Properties instead.
         */

        /**
         * Shape of a LeaseGrantRequest.
         * @typedef {etcdserverpb.LeaseGrantRequest.$Properties} etcdserverpb.LeaseGrantRequest.$Shape
         */

        /**
         * Constructs a new LeaseGrantRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseGrantRequest.
         * @constructor
         * @param {etcdserverpb.LeaseGrantRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseGrantRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseGrantRequest TTL.
         * @member {number} TTL
         * @memberof etcdserverpb.LeaseGrantRequest
         * @instance
         */
        LeaseGrantRequest.prototype.TTL = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseGrantRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseGrantRequest
         * @instance
         */
        LeaseGrantRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new LeaseGrantRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseGrantRequest
         * @static
         * @param {etcdserverpb.LeaseGrantRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseGrantRequest} LeaseGrantRequest instance
         * @type {{
         *   (properties: etcdserverpb.LeaseGrantRequest.$Shape): etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape;
         *   (properties?: etcdserverpb.LeaseGrantRequest.$Properties): etcdserverpb.LeaseGrantRequest;
         * }}
         */
        LeaseGrantRequest.create = function(properties) {
            return new LeaseGrantRequest(properties);
        };

        /**
         * Encodes the specified LeaseGrantRequest message. Does not implicitly {@link etcdserverpb.LeaseGrantRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseGrantRequest
         * @static
         * @param {etcdserverpb.LeaseGrantRequest.$Properties} message LeaseGrantRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseGrantRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.TTL != null && $Object.hasOwnProperty.call(message, "TTL") && (typeof message.TTL === "object" ? message.TTL.low || message.TTL.high : message.TTL !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.TTL);
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.ID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseGrantRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseGrantRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape} LeaseGrantRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseGrantRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseGrantRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.TTL = value;
                        else
                            delete message.TTL;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseGrantRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseGrantRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseGrantRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseGrantRequest";
        };

        return LeaseGrantRequest;
    })();

    etcdserverpb.LeaseGrantResponse = (function() {

        /**
         * Properties of a LeaseGrantResponse.
         * @typedef {Object} etcdserverpb.LeaseGrantResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] LeaseGrantResponse header
         * @property {number|null} [ID] LeaseGrantResponse ID
         * @property {number|null} [TTL] LeaseGrantResponse TTL
         * @property {string|null} [error] LeaseGrantResponse error
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseGrantResponse.
         * @memberof etcdserverpb
         * @interface ILeaseGrantResponse
         * @augments etcdserverpb.LeaseGrantResponse.$Properties
         * @deprecated Use etcdserverpb.LeaseGrantResponse.$Properties instead.
         */

        /**
         * Shape of a LeaseGrantResponse.
         * @typedef {etcdserverpb.LeaseGrantResponse.$Properties} etcdserverpb.LeaseGrantResponse.$Shape
         */

        /**
         * Constructs a new LeaseGrantResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseGrantResponse.
         * @constructor
         * @param {etcdserverpb.LeaseGrantResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseGrantResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseGrantResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.LeaseGrantResponse
         * @instance
         */
        LeaseGrantResponse.prototype.header = null;

        /**
         * LeaseGrantResponse ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseGrantResponse
         * @instance
         */
        LeaseGrantResponse.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseGrantResponse TTL.
         * @member {number} TTL
         * @memberof etcdserverpb.LeaseGrantResponse
         * @instance
         */
        LeaseGrantResponse.prototype.TTL = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseGrantResponse error.
         * @member {string} error
         * @memberof etcdserverpb.LeaseGrantResponse
         * @instance
         */
        LeaseGrantResponse.prototype.error = "";

        /**
         * Creates a new LeaseGrantResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseGrantResponse
         * @static
         * @param {etcdserverpb.LeaseGrantResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseGrantResponse} LeaseGrantResponse instance
         * @type {{
         *   (properties: etcdserverpb.LeaseGrantResponse.$Shape): etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape;
         *   (properties?: etcdserverpb.LeaseGrantResponse.$Properties): etcdserverpb.LeaseGrantResponse;
         * }}
         */
        LeaseGrantResponse.create = function(properties) {
            return new LeaseGrantResponse(properties);
        };

        /**
         * Encodes the specified LeaseGrantResponse message. Does not implicitly {@link etcdserverpb.LeaseGrantResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseGrantResponse
         * @static
         * @param {etcdserverpb.LeaseGrantResponse.$Properties} message LeaseGrantResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseGrantResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.ID);
            if (message.TTL != null && $Object.hasOwnProperty.call(message, "TTL") && (typeof message.TTL === "object" ? message.TTL.low || message.TTL.high : message.TTL !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.TTL);
            if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.error);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseGrantResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseGrantResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape} LeaseGrantResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseGrantResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseGrantResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.TTL = value;
                        else
                            delete message.TTL;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.error = value;
                        else
                            delete message.error;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseGrantResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseGrantResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseGrantResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseGrantResponse";
        };

        return LeaseGrantResponse;
    })();

    etcdserverpb.LeaseRevokeRequest = (function() {

        /**
         * Properties of a LeaseRevokeRequest.
         * @typedef {Object} etcdserverpb.LeaseRevokeRequest.$Properties
         * @property {number|null} [ID] LeaseRevokeRequest ID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseRevokeRequest.
         * @memberof etcdserverpb
         * @interface ILeaseRevokeRequest
         * @augments etcdserverpb.LeaseRevokeRequest.$Properties
         * @deprecated Use etcdserverpb.LeaseRevokeRequest.$Properties instead.
         */

        /**
         * Shape of a LeaseRevokeRequest.
         * @typedef {etcdserverpb.LeaseRevokeRequest.$Properties} etcdserverpb.LeaseRevokeRequest.$Shape
         */

        /**
         * Constructs a new LeaseRevokeRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseRevokeRequest.
         * @constructor
         * @param {etcdserverpb.LeaseRevokeRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseRevokeRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseRevokeRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseRevokeRequest
         * @instance
         */
        LeaseRevokeRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new LeaseRevokeRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseRevokeRequest
         * @static
         * @param {etcdserverpb.LeaseRevokeRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseRevokeRequest} LeaseRevokeRequest instance
         * @type {{
         *   (properties: etcdserverpb.LeaseRevokeRequest.$Shape): etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape;
         *   (properties?: etcdserverpb.LeaseRevokeRequest.$Properties): etcdserverpb.LeaseRevokeRequest;
         * }}
         */
        LeaseRevokeRequest.create = function(properties) {
            return new LeaseRevokeRequest(properties);
        };

        /**
         * Encodes the specified LeaseRevokeRequest message. Does not implicitly {@link etcdserverpb.LeaseRevokeRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseRevokeRequest
         * @static
         * @param {etcdserverpb.LeaseRevokeRequest.$Properties} message LeaseRevokeRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseRevokeRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.ID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseRevokeRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseRevokeRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape} LeaseRevokeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseRevokeRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseRevokeRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseRevokeRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseRevokeRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseRevokeRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseRevokeRequest";
        };

        return LeaseRevokeRequest;
    })();

    etcdserverpb.LeaseRevokeResponse = (function() {

        /**
         * Properties of a LeaseRevokeResponse.
         * @typedef {Object} etcdserverpb.LeaseRevokeResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] LeaseRevokeResponse header
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseRevokeResponse.
         * @memberof etcdserverpb
         * @interface ILeaseRevokeResponse
         * @augments etcdserverpb.LeaseRevokeResponse.$Properties
         * @deprecated Use etcdserverpb.LeaseRevokeResponse.$Properties instead.
         */

        /**
         * Shape of a LeaseRevokeResponse.
         * @typedef {etcdserverpb.LeaseRevokeResponse.$Properties} etcdserverpb.LeaseRevokeResponse.$Shape
         */

        /**
         * Constructs a new LeaseRevokeResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseRevokeResponse.
         * @constructor
         * @param {etcdserverpb.LeaseRevokeResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseRevokeResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseRevokeResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.LeaseRevokeResponse
         * @instance
         */
        LeaseRevokeResponse.prototype.header = null;

        /**
         * Creates a new LeaseRevokeResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseRevokeResponse
         * @static
         * @param {etcdserverpb.LeaseRevokeResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseRevokeResponse} LeaseRevokeResponse instance
         * @type {{
         *   (properties: etcdserverpb.LeaseRevokeResponse.$Shape): etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape;
         *   (properties?: etcdserverpb.LeaseRevokeResponse.$Properties): etcdserverpb.LeaseRevokeResponse;
         * }}
         */
        LeaseRevokeResponse.create = function(properties) {
            return new LeaseRevokeResponse(properties);
        };

        /**
         * Encodes the specified LeaseRevokeResponse message. Does not implicitly {@link etcdserverpb.LeaseRevokeResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseRevokeResponse
         * @static
         * @param {etcdserverpb.LeaseRevokeResponse.$Properties} message LeaseRevokeResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseRevokeResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseRevokeResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseRevokeResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape} LeaseRevokeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseRevokeResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseRevokeResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseRevokeResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseRevokeResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseRevokeResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseRevokeResponse";
        };

        return LeaseRevokeResponse;
    })();

    etcdserverpb.LeaseKeepAliveRequest = (function() {

        /**
         * Properties of a LeaseKeepAliveRequest.
         * @typedef {Object} etcdserverpb.LeaseKeepAliveRequest.$Properties
         * @property {number|null} [ID] LeaseKeepAliveRequest ID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseKeepAliveRequest.
         * @memberof etcdserverpb
         * @interface ILeaseKeepAliveRequest
         * @augments etcdserverpb.LeaseKeepAliveRequest.$Properties
         * @deprecated Use etcdserverpb.LeaseKeepAliveRequest.$Properties instead.
         */

        /**
         * Shape of a LeaseKeepAliveRequest.
         * @typedef {etcdserverpb.LeaseKeepAliveRequest.$Properties} etcdserverpb.LeaseKeepAliveRequest.$Shape
         */

        /**
         * Constructs a new LeaseKeepAliveRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseKeepAliveRequest.
         * @constructor
         * @param {etcdserverpb.LeaseKeepAliveRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseKeepAliveRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseKeepAliveRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseKeepAliveRequest
         * @instance
         */
        LeaseKeepAliveRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new LeaseKeepAliveRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseKeepAliveRequest
         * @static
         * @param {etcdserverpb.LeaseKeepAliveRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseKeepAliveRequest} LeaseKeepAliveRequest instance
         * @type {{
         *   (properties: etcdserverpb.LeaseKeepAliveRequest.$Shape): etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape;
         *   (properties?: etcdserverpb.LeaseKeepAliveRequest.$Properties): etcdserverpb.LeaseKeepAliveRequest;
         * }}
         */
        LeaseKeepAliveRequest.create = function(properties) {
            return new LeaseKeepAliveRequest(properties);
        };

        /**
         * Encodes the specified LeaseKeepAliveRequest message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseKeepAliveRequest
         * @static
         * @param {etcdserverpb.LeaseKeepAliveRequest.$Properties} message LeaseKeepAliveRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseKeepAliveRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.ID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseKeepAliveRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseKeepAliveRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape} LeaseKeepAliveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseKeepAliveRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseKeepAliveRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseKeepAliveRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseKeepAliveRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseKeepAliveRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseKeepAliveRequest";
        };

        return LeaseKeepAliveRequest;
    })();

    etcdserverpb.LeaseKeepAliveResponse = (function() {

        /**
         * Properties of a LeaseKeepAliveResponse.
         * @typedef {Object} etcdserverpb.LeaseKeepAliveResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] LeaseKeepAliveResponse header
         * @property {number|null} [ID] LeaseKeepAliveResponse ID
         * @property {number|null} [TTL] LeaseKeepAliveResponse TTL
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseKeepAliveResponse.
         * @memberof etcdserverpb
         * @interface ILeaseKeepAliveResponse
         * @augments etcdserverpb.LeaseKeepAliveResponse.$Properties
         * @deprecated Use etcdserverpb.LeaseKeepAliveResponse.$Properties instead.
         */

        /**
         * Shape of a LeaseKeepAliveResponse.
         * @typedef {etcdserverpb.LeaseKeepAliveResponse.$Properties} etcdserverpb.LeaseKeepAliveResponse.$Shape
         */

        /**
         * Constructs a new LeaseKeepAliveResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseKeepAliveResponse.
         * @constructor
         * @param {etcdserverpb.LeaseKeepAliveResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseKeepAliveResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseKeepAliveResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @instance
         */
        LeaseKeepAliveResponse.prototype.header = null;

        /**
         * LeaseKeepAliveResponse ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @instance
         */
        LeaseKeepAliveResponse.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseKeepAliveResponse TTL.
         * @member {number} TTL
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @instance
         */
        LeaseKeepAliveResponse.prototype.TTL = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new LeaseKeepAliveResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @static
         * @param {etcdserverpb.LeaseKeepAliveResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseKeepAliveResponse} LeaseKeepAliveResponse instance
         * @type {{
         *   (properties: etcdserverpb.LeaseKeepAliveResponse.$Shape): etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape;
         *   (properties?: etcdserverpb.LeaseKeepAliveResponse.$Properties): etcdserverpb.LeaseKeepAliveResponse;
         * }}
         */
        LeaseKeepAliveResponse.create = function(properties) {
            return new LeaseKeepAliveResponse(properties);
        };

        /**
         * Encodes the specified LeaseKeepAliveResponse message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @static
         * @param {etcdserverpb.LeaseKeepAliveResponse.$Properties} message LeaseKeepAliveResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseKeepAliveResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.ID);
            if (message.TTL != null && $Object.hasOwnProperty.call(message, "TTL") && (typeof message.TTL === "object" ? message.TTL.low || message.TTL.high : message.TTL !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.TTL);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseKeepAliveResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape} LeaseKeepAliveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseKeepAliveResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseKeepAliveResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.TTL = value;
                        else
                            delete message.TTL;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseKeepAliveResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseKeepAliveResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseKeepAliveResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseKeepAliveResponse";
        };

        return LeaseKeepAliveResponse;
    })();

    etcdserverpb.LeaseTimeToLiveRequest = (function() {

        /**
         * Properties of a LeaseTimeToLiveRequest.
         * @typedef {Object} etcdserverpb.LeaseTimeToLiveRequest.$Properties
         * @property {number|null} [ID] LeaseTimeToLiveRequest ID
         * @property {boolean|null} [keys] LeaseTimeToLiveRequest keys
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseTimeToLiveRequest.
         * @memberof etcdserverpb
         * @interface ILeaseTimeToLiveRequest
         * @augments etcdserverpb.LeaseTimeToLiveRequest.$Properties
         * @deprecated Use etcdserverpb.LeaseTimeToLiveRequest.$Properties instead.
         */

        /**
         * Shape of a LeaseTimeToLiveRequest.
         * @typedef {etcdserverpb.LeaseTimeToLiveRequest.$Properties} etcdserverpb.LeaseTimeToLiveRequest.$Shape
         */

        /**
         * Constructs a new LeaseTimeToLiveRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseTimeToLiveRequest.
         * @constructor
         * @param {etcdserverpb.LeaseTimeToLiveRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseTimeToLiveRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseTimeToLiveRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseTimeToLiveRequest
         * @instance
         */
        LeaseTimeToLiveRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseTimeToLiveRequest keys.
         * @member {boolean} keys
         * @memberof etcdserverpb.LeaseTimeToLiveRequest
         * @instance
         */
        LeaseTimeToLiveRequest.prototype.keys = false;

        /**
         * Creates a new LeaseTimeToLiveRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseTimeToLiveRequest
         * @static
         * @param {etcdserverpb.LeaseTimeToLiveRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseTimeToLiveRequest} LeaseTimeToLiveRequest instance
         * @type {{
         *   (properties: etcdserverpb.LeaseTimeToLiveRequest.$Shape): etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape;
         *   (properties?: etcdserverpb.LeaseTimeToLiveRequest.$Properties): etcdserverpb.LeaseTimeToLiveRequest;
         * }}
         */
        LeaseTimeToLiveRequest.create = function(properties) {
            return new LeaseTimeToLiveRequest(properties);
        };

        /**
         * Encodes the specified LeaseTimeToLiveRequest message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseTimeToLiveRequest
         * @static
         * @param {etcdserverpb.LeaseTimeToLiveRequest.$Properties} message LeaseTimeToLiveRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseTimeToLiveRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.ID);
            if (message.keys != null && $Object.hasOwnProperty.call(message, "keys") && message.keys !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.keys);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseTimeToLiveRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseTimeToLiveRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape} LeaseTimeToLiveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseTimeToLiveRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseTimeToLiveRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.keys = value;
                        else
                            delete message.keys;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseTimeToLiveRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseTimeToLiveRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseTimeToLiveRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseTimeToLiveRequest";
        };

        return LeaseTimeToLiveRequest;
    })();

    etcdserverpb.LeaseTimeToLiveResponse = (function() {

        /**
         * Properties of a LeaseTimeToLiveResponse.
         * @typedef {Object} etcdserverpb.LeaseTimeToLiveResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] LeaseTimeToLiveResponse header
         * @property {number|null} [ID] LeaseTimeToLiveResponse ID
         * @property {number|null} [TTL] LeaseTimeToLiveResponse TTL
         * @property {number|null} [grantedTTL] LeaseTimeToLiveResponse grantedTTL
         * @property {Array.<Uint8Array>|null} [keys] LeaseTimeToLiveResponse keys
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseTimeToLiveResponse.
         * @memberof etcdserverpb
         * @interface ILeaseTimeToLiveResponse
         * @augments etcdserverpb.LeaseTimeToLiveResponse.$Properties
         * @deprecated Use etcdserverpb.LeaseTimeToLiveResponse.$Properties instead.
         */

        /**
         * Shape of a LeaseTimeToLiveResponse.
         * @typedef {etcdserverpb.LeaseTimeToLiveResponse.$Properties} etcdserverpb.LeaseTimeToLiveResponse.$Shape
         */

        /**
         * Constructs a new LeaseTimeToLiveResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseTimeToLiveResponse.
         * @constructor
         * @param {etcdserverpb.LeaseTimeToLiveResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseTimeToLiveResponse = function (properties) {
            this.keys = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseTimeToLiveResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @instance
         */
        LeaseTimeToLiveResponse.prototype.header = null;

        /**
         * LeaseTimeToLiveResponse ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @instance
         */
        LeaseTimeToLiveResponse.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseTimeToLiveResponse TTL.
         * @member {number} TTL
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @instance
         */
        LeaseTimeToLiveResponse.prototype.TTL = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseTimeToLiveResponse grantedTTL.
         * @member {number} grantedTTL
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @instance
         */
        LeaseTimeToLiveResponse.prototype.grantedTTL = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * LeaseTimeToLiveResponse keys.
         * @member {Array.<Uint8Array>} keys
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @instance
         */
        LeaseTimeToLiveResponse.prototype.keys = $util.emptyArray;

        /**
         * Creates a new LeaseTimeToLiveResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @static
         * @param {etcdserverpb.LeaseTimeToLiveResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseTimeToLiveResponse} LeaseTimeToLiveResponse instance
         * @type {{
         *   (properties: etcdserverpb.LeaseTimeToLiveResponse.$Shape): etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape;
         *   (properties?: etcdserverpb.LeaseTimeToLiveResponse.$Properties): etcdserverpb.LeaseTimeToLiveResponse;
         * }}
         */
        LeaseTimeToLiveResponse.create = function(properties) {
            return new LeaseTimeToLiveResponse(properties);
        };

        /**
         * Encodes the specified LeaseTimeToLiveResponse message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @static
         * @param {etcdserverpb.LeaseTimeToLiveResponse.$Properties} message LeaseTimeToLiveResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseTimeToLiveResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.ID);
            if (message.TTL != null && $Object.hasOwnProperty.call(message, "TTL") && (typeof message.TTL === "object" ? message.TTL.low || message.TTL.high : message.TTL !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.TTL);
            if (message.grantedTTL != null && $Object.hasOwnProperty.call(message, "grantedTTL") && (typeof message.grantedTTL === "object" ? message.grantedTTL.low || message.grantedTTL.high : message.grantedTTL !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.grantedTTL);
            if (message.keys != null && message.keys.length)
                for (let i = 0; i < message.keys.length; ++i)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.keys[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseTimeToLiveResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape} LeaseTimeToLiveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseTimeToLiveResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseTimeToLiveResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.TTL = value;
                        else
                            delete message.TTL;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.grantedTTL = value;
                        else
                            delete message.grantedTTL;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.keys && message.keys.length))
                            message.keys = [];
                        message.keys.push(reader.bytes());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseTimeToLiveResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseTimeToLiveResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseTimeToLiveResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseTimeToLiveResponse";
        };

        return LeaseTimeToLiveResponse;
    })();

    etcdserverpb.LeaseLeasesRequest = (function() {

        /**
         * Properties of a LeaseLeasesRequest.
         * @typedef {Object} etcdserverpb.LeaseLeasesRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseLeasesRequest.
         * @memberof etcdserverpb
         * @interface ILeaseLeasesRequest
         * @augments etcdserverpb.LeaseLeasesRequest.$Properties
         * @deprecated Use etcdserverpb.LeaseLeasesRequest.$Properties instead.
         */

        /**
         * Shape of a LeaseLeasesRequest.
         * @typedef {etcdserverpb.LeaseLeasesRequest.$Properties} etcdserverpb.LeaseLeasesRequest.$Shape
         */

        /**
         * Constructs a new LeaseLeasesRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseLeasesRequest.
         * @constructor
         * @param {etcdserverpb.LeaseLeasesRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseLeasesRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new LeaseLeasesRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseLeasesRequest
         * @static
         * @param {etcdserverpb.LeaseLeasesRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseLeasesRequest} LeaseLeasesRequest instance
         * @type {{
         *   (properties: etcdserverpb.LeaseLeasesRequest.$Shape): etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape;
         *   (properties?: etcdserverpb.LeaseLeasesRequest.$Properties): etcdserverpb.LeaseLeasesRequest;
         * }}
         */
        LeaseLeasesRequest.create = function(properties) {
            return new LeaseLeasesRequest(properties);
        };

        /**
         * Encodes the specified LeaseLeasesRequest message. Does not implicitly {@link etcdserverpb.LeaseLeasesRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseLeasesRequest
         * @static
         * @param {etcdserverpb.LeaseLeasesRequest.$Properties} message LeaseLeasesRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseLeasesRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseLeasesRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseLeasesRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape} LeaseLeasesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseLeasesRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseLeasesRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseLeasesRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseLeasesRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseLeasesRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseLeasesRequest";
        };

        return LeaseLeasesRequest;
    })();

    etcdserverpb.LeaseStatus = (function() {

        /**
         * Properties of a LeaseStatus.
         * @typedef {Object} etcdserverpb.LeaseStatus.$Properties
         * @property {number|null} [ID] LeaseStatus ID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseStatus.
         * @memberof etcdserverpb
         * @interface ILeaseStatus
         * @augments etcdserverpb.LeaseStatus.$Properties
         * @deprecated Use etcdserverpb.LeaseStatus.$Properties instead.
         */

        /**
         * Shape of a LeaseStatus.
         * @typedef {etcdserverpb.LeaseStatus.$Properties} etcdserverpb.LeaseStatus.$Shape
         */

        /**
         * Constructs a new LeaseStatus.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseStatus.
         * @constructor
         * @param {etcdserverpb.LeaseStatus.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseStatus = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseStatus ID.
         * @member {number} ID
         * @memberof etcdserverpb.LeaseStatus
         * @instance
         */
        LeaseStatus.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new LeaseStatus instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseStatus
         * @static
         * @param {etcdserverpb.LeaseStatus.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseStatus} LeaseStatus instance
         * @type {{
         *   (properties: etcdserverpb.LeaseStatus.$Shape): etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape;
         *   (properties?: etcdserverpb.LeaseStatus.$Properties): etcdserverpb.LeaseStatus;
         * }}
         */
        LeaseStatus.create = function(properties) {
            return new LeaseStatus(properties);
        };

        /**
         * Encodes the specified LeaseStatus message. Does not implicitly {@link etcdserverpb.LeaseStatus.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseStatus
         * @static
         * @param {etcdserverpb.LeaseStatus.$Properties} message LeaseStatus message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseStatus.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).int64(message.ID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseStatus message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseStatus
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape} LeaseStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseStatus.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseStatus();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseStatus
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseStatus
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseStatus.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseStatus";
        };

        return LeaseStatus;
    })();

    etcdserverpb.LeaseLeasesResponse = (function() {

        /**
         * Properties of a LeaseLeasesResponse.
         * @typedef {Object} etcdserverpb.LeaseLeasesResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] LeaseLeasesResponse header
         * @property {Array.<etcdserverpb.LeaseStatus.$Properties>|null} [leases] LeaseLeasesResponse leases
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LeaseLeasesResponse.
         * @memberof etcdserverpb
         * @interface ILeaseLeasesResponse
         * @augments etcdserverpb.LeaseLeasesResponse.$Properties
         * @deprecated Use etcdserverpb.LeaseLeasesResponse.$Properties instead.
         */

        /**
         * Shape of a LeaseLeasesResponse.
         * @typedef {etcdserverpb.LeaseLeasesResponse.$Properties} etcdserverpb.LeaseLeasesResponse.$Shape
         */

        /**
         * Constructs a new LeaseLeasesResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a LeaseLeasesResponse.
         * @constructor
         * @param {etcdserverpb.LeaseLeasesResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LeaseLeasesResponse = function (properties) {
            this.leases = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * LeaseLeasesResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.LeaseLeasesResponse
         * @instance
         */
        LeaseLeasesResponse.prototype.header = null;

        /**
         * LeaseLeasesResponse leases.
         * @member {Array.<etcdserverpb.LeaseStatus.$Properties>} leases
         * @memberof etcdserverpb.LeaseLeasesResponse
         * @instance
         */
        LeaseLeasesResponse.prototype.leases = $util.emptyArray;

        /**
         * Creates a new LeaseLeasesResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.LeaseLeasesResponse
         * @static
         * @param {etcdserverpb.LeaseLeasesResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.LeaseLeasesResponse} LeaseLeasesResponse instance
         * @type {{
         *   (properties: etcdserverpb.LeaseLeasesResponse.$Shape): etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape;
         *   (properties?: etcdserverpb.LeaseLeasesResponse.$Properties): etcdserverpb.LeaseLeasesResponse;
         * }}
         */
        LeaseLeasesResponse.create = function(properties) {
            return new LeaseLeasesResponse(properties);
        };

        /**
         * Encodes the specified LeaseLeasesResponse message. Does not implicitly {@link etcdserverpb.LeaseLeasesResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.LeaseLeasesResponse
         * @static
         * @param {etcdserverpb.LeaseLeasesResponse.$Properties} message LeaseLeasesResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LeaseLeasesResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.leases != null && message.leases.length)
                for (let i = 0; i < message.leases.length; ++i)
                    $root.etcdserverpb.LeaseStatus.encode(message.leases[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a LeaseLeasesResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.LeaseLeasesResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape} LeaseLeasesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LeaseLeasesResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.LeaseLeasesResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.leases && message.leases.length))
                            message.leases = [];
                        message.leases.push($root.etcdserverpb.LeaseStatus.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for LeaseLeasesResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.LeaseLeasesResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LeaseLeasesResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.LeaseLeasesResponse";
        };

        return LeaseLeasesResponse;
    })();

    etcdserverpb.Member = (function() {

        /**
         * Properties of a Member.
         * @typedef {Object} etcdserverpb.Member.$Properties
         * @property {number|null} [ID] Member ID
         * @property {string|null} [name] Member name
         * @property {Array.<string>|null} [peerURLs] Member peerURLs
         * @property {Array.<string>|null} [clientURLs] Member clientURLs
         * @property {boolean|null} [isLearner] Member isLearner
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Member.
         * @memberof etcdserverpb
         * @interface IMember
         * @augments etcdserverpb.Member.$Properties
         * @deprecated Use etcdserverpb.Member.$Properties instead.
         */

        /**
         * Shape of a Member.
         * @typedef {etcdserverpb.Member.$Properties} etcdserverpb.Member.$Shape
         */

        /**
         * Constructs a new Member.
         * @memberof etcdserverpb
         * @classdesc Represents a Member.
         * @constructor
         * @param {etcdserverpb.Member.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Member = function (properties) {
            this.peerURLs = [];
            this.clientURLs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Member ID.
         * @member {number} ID
         * @memberof etcdserverpb.Member
         * @instance
         */
        Member.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Member name.
         * @member {string} name
         * @memberof etcdserverpb.Member
         * @instance
         */
        Member.prototype.name = "";

        /**
         * Member peerURLs.
         * @member {Array.<string>} peerURLs
         * @memberof etcdserverpb.Member
         * @instance
         */
        Member.prototype.peerURLs = $util.emptyArray;

        /**
         * Member clientURLs.
         * @member {Array.<string>} clientURLs
         * @memberof etcdserverpb.Member
         * @instance
         */
        Member.prototype.clientURLs = $util.emptyArray;

        /**
         * Member isLearner.
         * @member {boolean} isLearner
         * @memberof etcdserverpb.Member
         * @instance
         */
        Member.prototype.isLearner = false;

        /**
         * Creates a new Member instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.Member
         * @static
         * @param {etcdserverpb.Member.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.Member} Member instance
         * @type {{
         *   (properties: etcdserverpb.Member.$Shape): etcdserverpb.Member & etcdserverpb.Member.$Shape;
         *   (properties?: etcdserverpb.Member.$Properties): etcdserverpb.Member;
         * }}
         */
        Member.create = function(properties) {
            return new Member(properties);
        };

        /**
         * Encodes the specified Member message. Does not implicitly {@link etcdserverpb.Member.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.Member
         * @static
         * @param {etcdserverpb.Member.$Properties} message Member message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Member.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.ID);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
            if (message.peerURLs != null && message.peerURLs.length)
                for (let i = 0; i < message.peerURLs.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.peerURLs[i]);
            if (message.clientURLs != null && message.clientURLs.length)
                for (let i = 0; i < message.clientURLs.length; ++i)
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.clientURLs[i]);
            if (message.isLearner != null && $Object.hasOwnProperty.call(message, "isLearner") && message.isLearner !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.isLearner);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Member message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.Member
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.Member & etcdserverpb.Member.$Shape} Member
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Member.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.Member();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.peerURLs && message.peerURLs.length))
                            message.peerURLs = [];
                        message.peerURLs.push(reader.stringVerify());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if (!(message.clientURLs && message.clientURLs.length))
                            message.clientURLs = [];
                        message.clientURLs.push(reader.stringVerify());
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.isLearner = value;
                        else
                            delete message.isLearner;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Member
         * @function getTypeUrl
         * @memberof etcdserverpb.Member
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Member.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.Member";
        };

        return Member;
    })();

    etcdserverpb.MemberAddRequest = (function() {

        /**
         * Properties of a MemberAddRequest.
         * @typedef {Object} etcdserverpb.MemberAddRequest.$Properties
         * @property {Array.<string>|null} [peerURLs] MemberAddRequest peerURLs
         * @property {boolean|null} [isLearner] MemberAddRequest isLearner
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberAddRequest.
         * @memberof etcdserverpb
         * @interface IMemberAddRequest
         * @augments etcdserverpb.MemberAddRequest.$Properties
         * @deprecated Use etcdserverpb.MemberAddRequest.$Properties instead.
         */

        /**
         * Shape of a MemberAddRequest.
         * @typedef {etcdserverpb.MemberAddRequest.$Properties} etcdserverpb.MemberAddRequest.$Shape
         */

        /**
         * Constructs a new MemberAddRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberAddRequest.
         * @constructor
         * @param {etcdserverpb.MemberAddRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberAddRequest = function (properties) {
            this.peerURLs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberAddRequest peerURLs.
         * @member {Array.<string>} peerURLs
         * @memberof etcdserverpb.MemberAddRequest
         * @instance
         */
        MemberAddRequest.prototype.peerURLs = $util.emptyArray;

        /**
         * MemberAddRequest isLearner.
         * @member {boolean} isLearner
         * @memberof etcdserverpb.MemberAddRequest
         * @instance
         */
        MemberAddRequest.prototype.isLearner = false;

        /**
         * Creates a new MemberAddRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberAddRequest
         * @static
         * @param {etcdserverpb.MemberAddRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberAddRequest} MemberAddRequest instance
         * @type {{
         *   (properties: etcdserverpb.MemberAddRequest.$Shape): etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape;
         *   (properties?: etcdserverpb.MemberAddRequest.$Properties): etcdserverpb.MemberAddRequest;
         * }}
         */
        MemberAddRequest.create = function(properties) {
            return new MemberAddRequest(properties);
        };

        /**
         * Encodes the specified MemberAddRequest message. Does not implicitly {@link etcdserverpb.MemberAddRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberAddRequest
         * @static
         * @param {etcdserverpb.MemberAddRequest.$Properties} message MemberAddRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberAddRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.peerURLs != null && message.peerURLs.length)
                for (let i = 0; i < message.peerURLs.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.peerURLs[i]);
            if (message.isLearner != null && $Object.hasOwnProperty.call(message, "isLearner") && message.isLearner !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.isLearner);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberAddRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberAddRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape} MemberAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberAddRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberAddRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.peerURLs && message.peerURLs.length))
                            message.peerURLs = [];
                        message.peerURLs.push(reader.stringVerify());
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.isLearner = value;
                        else
                            delete message.isLearner;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberAddRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberAddRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberAddRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberAddRequest";
        };

        return MemberAddRequest;
    })();

    etcdserverpb.MemberAddResponse = (function() {

        /**
         * Properties of a MemberAddResponse.
         * @typedef {Object} etcdserverpb.MemberAddResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] MemberAddResponse header
         * @property {etcdserverpb.Member.$Properties|null} [member] MemberAddResponse member
         * @property {Array.<etcdserverpb.Member.$Properties>|null} [members] MemberAddResponse members
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberAddResponse.
         * @memberof etcdserverpb
         * @interface IMemberAddResponse
         * @augments etcdserverpb.MemberAddResponse.$Properties
         * @deprecated Use etcdserverpb.MemberAddResponse.$Properties instead.
         */

        /**
         * Shape of a MemberAddResponse.
         * @typedef {etcdserverpb.MemberAddResponse.$Properties} etcdserverpb.MemberAddResponse.$Shape
         */

        /**
         * Constructs a new MemberAddResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberAddResponse.
         * @constructor
         * @param {etcdserverpb.MemberAddResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberAddResponse = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberAddResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.MemberAddResponse
         * @instance
         */
        MemberAddResponse.prototype.header = null;

        /**
         * MemberAddResponse member.
         * @member {etcdserverpb.Member.$Properties|null|undefined} member
         * @memberof etcdserverpb.MemberAddResponse
         * @instance
         */
        MemberAddResponse.prototype.member = null;

        /**
         * MemberAddResponse members.
         * @member {Array.<etcdserverpb.Member.$Properties>} members
         * @memberof etcdserverpb.MemberAddResponse
         * @instance
         */
        MemberAddResponse.prototype.members = $util.emptyArray;

        /**
         * Creates a new MemberAddResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberAddResponse
         * @static
         * @param {etcdserverpb.MemberAddResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberAddResponse} MemberAddResponse instance
         * @type {{
         *   (properties: etcdserverpb.MemberAddResponse.$Shape): etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape;
         *   (properties?: etcdserverpb.MemberAddResponse.$Properties): etcdserverpb.MemberAddResponse;
         * }}
         */
        MemberAddResponse.create = function(properties) {
            return new MemberAddResponse(properties);
        };

        /**
         * Encodes the specified MemberAddResponse message. Does not implicitly {@link etcdserverpb.MemberAddResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberAddResponse
         * @static
         * @param {etcdserverpb.MemberAddResponse.$Properties} message MemberAddResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberAddResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.member != null && $Object.hasOwnProperty.call(message, "member"))
                $root.etcdserverpb.Member.encode(message.member, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.etcdserverpb.Member.encode(message.members[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberAddResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberAddResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape} MemberAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberAddResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberAddResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.member = $root.etcdserverpb.Member.decode(reader, reader.size(), $undefined, _depth + 1, message.member);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.etcdserverpb.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberAddResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberAddResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberAddResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberAddResponse";
        };

        return MemberAddResponse;
    })();

    etcdserverpb.MemberRemoveRequest = (function() {

        /**
         * Properties of a MemberRemoveRequest.
         * @typedef {Object} etcdserverpb.MemberRemoveRequest.$Properties
         * @property {number|null} [ID] MemberRemoveRequest ID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberRemoveRequest.
         * @memberof etcdserverpb
         * @interface IMemberRemoveRequest
         * @augments etcdserverpb.MemberRemoveRequest.$Properties
         * @deprecated Use etcdserverpb.MemberRemoveRequest.$Properties instead.
         */

        /**
         * Shape of a MemberRemoveRequest.
         * @typedef {etcdserverpb.MemberRemoveRequest.$Properties} etcdserverpb.MemberRemoveRequest.$Shape
         */

        /**
         * Constructs a new MemberRemoveRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberRemoveRequest.
         * @constructor
         * @param {etcdserverpb.MemberRemoveRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberRemoveRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberRemoveRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.MemberRemoveRequest
         * @instance
         */
        MemberRemoveRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new MemberRemoveRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberRemoveRequest
         * @static
         * @param {etcdserverpb.MemberRemoveRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberRemoveRequest} MemberRemoveRequest instance
         * @type {{
         *   (properties: etcdserverpb.MemberRemoveRequest.$Shape): etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape;
         *   (properties?: etcdserverpb.MemberRemoveRequest.$Properties): etcdserverpb.MemberRemoveRequest;
         * }}
         */
        MemberRemoveRequest.create = function(properties) {
            return new MemberRemoveRequest(properties);
        };

        /**
         * Encodes the specified MemberRemoveRequest message. Does not implicitly {@link etcdserverpb.MemberRemoveRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberRemoveRequest
         * @static
         * @param {etcdserverpb.MemberRemoveRequest.$Properties} message MemberRemoveRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberRemoveRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.ID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberRemoveRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberRemoveRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape} MemberRemoveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberRemoveRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberRemoveRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberRemoveRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberRemoveRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberRemoveRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberRemoveRequest";
        };

        return MemberRemoveRequest;
    })();

    etcdserverpb.MemberRemoveResponse = (function() {

        /**
         * Properties of a MemberRemoveResponse.
         * @typedef {Object} etcdserverpb.MemberRemoveResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] MemberRemoveResponse header
         * @property {Array.<etcdserverpb.Member.$Properties>|null} [members] MemberRemoveResponse members
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberRemoveResponse.
         * @memberof etcdserverpb
         * @interface IMemberRemoveResponse
         * @augments etcdserverpb.MemberRemoveResponse.$Properties
         * @deprecated Use etcdserverpb.MemberRemoveResponse.$Properties instead.
         */

        /**
         * Shape of a MemberRemoveResponse.
         * @typedef {etcdserverpb.MemberRemoveResponse.$Properties} etcdserverpb.MemberRemoveResponse.$Shape
         */

        /**
         * Constructs a new MemberRemoveResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberRemoveResponse.
         * @constructor
         * @param {etcdserverpb.MemberRemoveResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberRemoveResponse = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberRemoveResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.MemberRemoveResponse
         * @instance
         */
        MemberRemoveResponse.prototype.header = null;

        /**
         * MemberRemoveResponse members.
         * @member {Array.<etcdserverpb.Member.$Properties>} members
         * @memberof etcdserverpb.MemberRemoveResponse
         * @instance
         */
        MemberRemoveResponse.prototype.members = $util.emptyArray;

        /**
         * Creates a new MemberRemoveResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberRemoveResponse
         * @static
         * @param {etcdserverpb.MemberRemoveResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberRemoveResponse} MemberRemoveResponse instance
         * @type {{
         *   (properties: etcdserverpb.MemberRemoveResponse.$Shape): etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape;
         *   (properties?: etcdserverpb.MemberRemoveResponse.$Properties): etcdserverpb.MemberRemoveResponse;
         * }}
         */
        MemberRemoveResponse.create = function(properties) {
            return new MemberRemoveResponse(properties);
        };

        /**
         * Encodes the specified MemberRemoveResponse message. Does not implicitly {@link etcdserverpb.MemberRemoveResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberRemoveResponse
         * @static
         * @param {etcdserverpb.MemberRemoveResponse.$Properties} message MemberRemoveResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberRemoveResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.etcdserverpb.Member.encode(message.members[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberRemoveResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberRemoveResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape} MemberRemoveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberRemoveResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberRemoveResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.etcdserverpb.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberRemoveResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberRemoveResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberRemoveResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberRemoveResponse";
        };

        return MemberRemoveResponse;
    })();

    etcdserverpb.MemberUpdateRequest = (function() {

        /**
         * Properties of a MemberUpdateRequest.
         * @typedef {Object} etcdserverpb.MemberUpdateRequest.$Properties
         * @property {number|null} [ID] MemberUpdateRequest ID
         * @property {Array.<string>|null} [peerURLs] MemberUpdateRequest peerURLs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberUpdateRequest.
         * @memberof etcdserverpb
         * @interface IMemberUpdateRequest
         * @augments etcdserverpb.MemberUpdateRequest.$Properties
         * @deprecated Use etcdserverpb.MemberUpdateRequest.$Properties instead.
         */

        /**
         * Shape of a MemberUpdateRequest.
         * @typedef {etcdserverpb.MemberUpdateRequest.$Properties} etcdserverpb.MemberUpdateRequest.$Shape
         */

        /**
         * Constructs a new MemberUpdateRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberUpdateRequest.
         * @constructor
         * @param {etcdserverpb.MemberUpdateRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberUpdateRequest = function (properties) {
            this.peerURLs = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberUpdateRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.MemberUpdateRequest
         * @instance
         */
        MemberUpdateRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * MemberUpdateRequest peerURLs.
         * @member {Array.<string>} peerURLs
         * @memberof etcdserverpb.MemberUpdateRequest
         * @instance
         */
        MemberUpdateRequest.prototype.peerURLs = $util.emptyArray;

        /**
         * Creates a new MemberUpdateRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberUpdateRequest
         * @static
         * @param {etcdserverpb.MemberUpdateRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberUpdateRequest} MemberUpdateRequest instance
         * @type {{
         *   (properties: etcdserverpb.MemberUpdateRequest.$Shape): etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape;
         *   (properties?: etcdserverpb.MemberUpdateRequest.$Properties): etcdserverpb.MemberUpdateRequest;
         * }}
         */
        MemberUpdateRequest.create = function(properties) {
            return new MemberUpdateRequest(properties);
        };

        /**
         * Encodes the specified MemberUpdateRequest message. Does not implicitly {@link etcdserverpb.MemberUpdateRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberUpdateRequest
         * @static
         * @param {etcdserverpb.MemberUpdateRequest.$Properties} message MemberUpdateRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberUpdateRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.ID);
            if (message.peerURLs != null && message.peerURLs.length)
                for (let i = 0; i < message.peerURLs.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.peerURLs[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberUpdateRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberUpdateRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape} MemberUpdateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberUpdateRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberUpdateRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.peerURLs && message.peerURLs.length))
                            message.peerURLs = [];
                        message.peerURLs.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberUpdateRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberUpdateRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberUpdateRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberUpdateRequest";
        };

        return MemberUpdateRequest;
    })();

    etcdserverpb.MemberUpdateResponse = (function() {

        /**
         * Properties of a MemberUpdateResponse.
         * @typedef {Object} etcdserverpb.MemberUpdateResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] MemberUpdateResponse header
         * @property {Array.<etcdserverpb.Member.$Properties>|null} [members] MemberUpdateResponse members
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberUpdateResponse.
         * @memberof etcdserverpb
         * @interface IMemberUpdateResponse
         * @augments etcdserverpb.MemberUpdateResponse.$Properties
         * @deprecated Use etcdserverpb.MemberUpdateResponse.$Properties instead.
         */

        /**
         * Shape of a MemberUpdateResponse.
         * @typedef {etcdserverpb.MemberUpdateResponse.$Properties} etcdserverpb.MemberUpdateResponse.$Shape
         */

        /**
         * Constructs a new MemberUpdateResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberUpdateResponse.
         * @constructor
         * @param {etcdserverpb.MemberUpdateResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberUpdateResponse = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberUpdateResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.MemberUpdateResponse
         * @instance
         */
        MemberUpdateResponse.prototype.header = null;

        /**
         * MemberUpdateResponse members.
         * @member {Array.<etcdserverpb.Member.$Properties>} members
         * @memberof etcdserverpb.MemberUpdateResponse
         * @instance
         */
        MemberUpdateResponse.prototype.members = $util.emptyArray;

        /**
         * Creates a new MemberUpdateResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberUpdateResponse
         * @static
         * @param {etcdserverpb.MemberUpdateResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberUpdateResponse} MemberUpdateResponse instance
         * @type {{
         *   (properties: etcdserverpb.MemberUpdateResponse.$Shape): etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape;
         *   (properties?: etcdserverpb.MemberUpdateResponse.$Properties): etcdserverpb.MemberUpdateResponse;
         * }}
         */
        MemberUpdateResponse.create = function(properties) {
            return new MemberUpdateResponse(properties);
        };

        /**
         * Encodes the specified MemberUpdateResponse message. Does not implicitly {@link etcdserverpb.MemberUpdateResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberUpdateResponse
         * @static
         * @param {etcdserverpb.MemberUpdateResponse.$Properties} message MemberUpdateResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberUpdateResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.etcdserverpb.Member.encode(message.members[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberUpdateResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberUpdateResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape} MemberUpdateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberUpdateResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberUpdateResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.etcdserverpb.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberUpdateResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberUpdateResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberUpdateResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberUpdateResponse";
        };

        return MemberUpdateResponse;
    })();

    etcdserverpb.MemberListRequest = (function() {

        /**
         * Properties of a MemberListRequest.
         * @typedef {Object} etcdserverpb.MemberListRequest.$Properties
         * @property {boolean|null} [linearizable] MemberListRequest linearizable
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberListRequest.
         * @memberof etcdserverpb
         * @interface IMemberListRequest
         * @augments etcdserverpb.MemberListRequest.$Properties
         * @deprecated Use etcdserverpb.MemberListRequest.$Properties instead.
         */

        /**
         * Shape of a MemberListRequest.
         * @typedef {etcdserverpb.MemberListRequest.$Properties} etcdserverpb.MemberListRequest.$Shape
         */

        /**
         * Constructs a new MemberListRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberListRequest.
         * @constructor
         * @param {etcdserverpb.MemberListRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberListRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberListRequest linearizable.
         * @member {boolean} linearizable
         * @memberof etcdserverpb.MemberListRequest
         * @instance
         */
        MemberListRequest.prototype.linearizable = false;

        /**
         * Creates a new MemberListRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberListRequest
         * @static
         * @param {etcdserverpb.MemberListRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberListRequest} MemberListRequest instance
         * @type {{
         *   (properties: etcdserverpb.MemberListRequest.$Shape): etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape;
         *   (properties?: etcdserverpb.MemberListRequest.$Properties): etcdserverpb.MemberListRequest;
         * }}
         */
        MemberListRequest.create = function(properties) {
            return new MemberListRequest(properties);
        };

        /**
         * Encodes the specified MemberListRequest message. Does not implicitly {@link etcdserverpb.MemberListRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberListRequest
         * @static
         * @param {etcdserverpb.MemberListRequest.$Properties} message MemberListRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberListRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.linearizable != null && $Object.hasOwnProperty.call(message, "linearizable") && message.linearizable !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.linearizable);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberListRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberListRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape} MemberListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberListRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberListRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.linearizable = value;
                        else
                            delete message.linearizable;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberListRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberListRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberListRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberListRequest";
        };

        return MemberListRequest;
    })();

    etcdserverpb.MemberListResponse = (function() {

        /**
         * Properties of a MemberListResponse.
         * @typedef {Object} etcdserverpb.MemberListResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] MemberListResponse header
         * @property {Array.<etcdserverpb.Member.$Properties>|null} [members] MemberListResponse members
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberListResponse.
         * @memberof etcdserverpb
         * @interface IMemberListResponse
         * @augments etcdserverpb.MemberListResponse.$Properties
         * @deprecated Use etcdserverpb.MemberListResponse.$Properties instead.
         */

        /**
         * Shape of a MemberListResponse.
         * @typedef {etcdserverpb.MemberListResponse.$Properties} etcdserverpb.MemberListResponse.$Shape
         */

        /**
         * Constructs a new MemberListResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberListResponse.
         * @constructor
         * @param {etcdserverpb.MemberListResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberListResponse = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberListResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.MemberListResponse
         * @instance
         */
        MemberListResponse.prototype.header = null;

        /**
         * MemberListResponse members.
         * @member {Array.<etcdserverpb.Member.$Properties>} members
         * @memberof etcdserverpb.MemberListResponse
         * @instance
         */
        MemberListResponse.prototype.members = $util.emptyArray;

        /**
         * Creates a new MemberListResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberListResponse
         * @static
         * @param {etcdserverpb.MemberListResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberListResponse} MemberListResponse instance
         * @type {{
         *   (properties: etcdserverpb.MemberListResponse.$Shape): etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape;
         *   (properties?: etcdserverpb.MemberListResponse.$Properties): etcdserverpb.MemberListResponse;
         * }}
         */
        MemberListResponse.create = function(properties) {
            return new MemberListResponse(properties);
        };

        /**
         * Encodes the specified MemberListResponse message. Does not implicitly {@link etcdserverpb.MemberListResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberListResponse
         * @static
         * @param {etcdserverpb.MemberListResponse.$Properties} message MemberListResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberListResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.etcdserverpb.Member.encode(message.members[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberListResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberListResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape} MemberListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberListResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberListResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.etcdserverpb.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberListResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberListResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberListResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberListResponse";
        };

        return MemberListResponse;
    })();

    etcdserverpb.MemberPromoteRequest = (function() {

        /**
         * Properties of a MemberPromoteRequest.
         * @typedef {Object} etcdserverpb.MemberPromoteRequest.$Properties
         * @property {number|null} [ID] MemberPromoteRequest ID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberPromoteRequest.
         * @memberof etcdserverpb
         * @interface IMemberPromoteRequest
         * @augments etcdserverpb.MemberPromoteRequest.$Properties
         * @deprecated Use etcdserverpb.MemberPromoteRequest.$Properties instead.
         */

        /**
         * Shape of a MemberPromoteRequest.
         * @typedef {etcdserverpb.MemberPromoteRequest.$Properties} etcdserverpb.MemberPromoteRequest.$Shape
         */

        /**
         * Constructs a new MemberPromoteRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberPromoteRequest.
         * @constructor
         * @param {etcdserverpb.MemberPromoteRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberPromoteRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberPromoteRequest ID.
         * @member {number} ID
         * @memberof etcdserverpb.MemberPromoteRequest
         * @instance
         */
        MemberPromoteRequest.prototype.ID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new MemberPromoteRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberPromoteRequest
         * @static
         * @param {etcdserverpb.MemberPromoteRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberPromoteRequest} MemberPromoteRequest instance
         * @type {{
         *   (properties: etcdserverpb.MemberPromoteRequest.$Shape): etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape;
         *   (properties?: etcdserverpb.MemberPromoteRequest.$Properties): etcdserverpb.MemberPromoteRequest;
         * }}
         */
        MemberPromoteRequest.create = function(properties) {
            return new MemberPromoteRequest(properties);
        };

        /**
         * Encodes the specified MemberPromoteRequest message. Does not implicitly {@link etcdserverpb.MemberPromoteRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberPromoteRequest
         * @static
         * @param {etcdserverpb.MemberPromoteRequest.$Properties} message MemberPromoteRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberPromoteRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ID != null && $Object.hasOwnProperty.call(message, "ID") && (typeof message.ID === "object" ? message.ID.low || message.ID.high : message.ID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.ID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberPromoteRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberPromoteRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape} MemberPromoteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberPromoteRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberPromoteRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.ID = value;
                        else
                            delete message.ID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberPromoteRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberPromoteRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberPromoteRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberPromoteRequest";
        };

        return MemberPromoteRequest;
    })();

    etcdserverpb.MemberPromoteResponse = (function() {

        /**
         * Properties of a MemberPromoteResponse.
         * @typedef {Object} etcdserverpb.MemberPromoteResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] MemberPromoteResponse header
         * @property {Array.<etcdserverpb.Member.$Properties>|null} [members] MemberPromoteResponse members
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MemberPromoteResponse.
         * @memberof etcdserverpb
         * @interface IMemberPromoteResponse
         * @augments etcdserverpb.MemberPromoteResponse.$Properties
         * @deprecated Use etcdserverpb.MemberPromoteResponse.$Properties instead.
         */

        /**
         * Shape of a MemberPromoteResponse.
         * @typedef {etcdserverpb.MemberPromoteResponse.$Properties} etcdserverpb.MemberPromoteResponse.$Shape
         */

        /**
         * Constructs a new MemberPromoteResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a MemberPromoteResponse.
         * @constructor
         * @param {etcdserverpb.MemberPromoteResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MemberPromoteResponse = function (properties) {
            this.members = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MemberPromoteResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.MemberPromoteResponse
         * @instance
         */
        MemberPromoteResponse.prototype.header = null;

        /**
         * MemberPromoteResponse members.
         * @member {Array.<etcdserverpb.Member.$Properties>} members
         * @memberof etcdserverpb.MemberPromoteResponse
         * @instance
         */
        MemberPromoteResponse.prototype.members = $util.emptyArray;

        /**
         * Creates a new MemberPromoteResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MemberPromoteResponse
         * @static
         * @param {etcdserverpb.MemberPromoteResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MemberPromoteResponse} MemberPromoteResponse instance
         * @type {{
         *   (properties: etcdserverpb.MemberPromoteResponse.$Shape): etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape;
         *   (properties?: etcdserverpb.MemberPromoteResponse.$Properties): etcdserverpb.MemberPromoteResponse;
         * }}
         */
        MemberPromoteResponse.create = function(properties) {
            return new MemberPromoteResponse(properties);
        };

        /**
         * Encodes the specified MemberPromoteResponse message. Does not implicitly {@link etcdserverpb.MemberPromoteResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MemberPromoteResponse
         * @static
         * @param {etcdserverpb.MemberPromoteResponse.$Properties} message MemberPromoteResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MemberPromoteResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.members != null && message.members.length)
                for (let i = 0; i < message.members.length; ++i)
                    $root.etcdserverpb.Member.encode(message.members[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MemberPromoteResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MemberPromoteResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape} MemberPromoteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MemberPromoteResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MemberPromoteResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.members && message.members.length))
                            message.members = [];
                        message.members.push($root.etcdserverpb.Member.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MemberPromoteResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.MemberPromoteResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MemberPromoteResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MemberPromoteResponse";
        };

        return MemberPromoteResponse;
    })();

    etcdserverpb.DefragmentRequest = (function() {

        /**
         * Properties of a DefragmentRequest.
         * @typedef {Object} etcdserverpb.DefragmentRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DefragmentRequest.
         * @memberof etcdserverpb
         * @interface IDefragmentRequest
         * @augments etcdserverpb.DefragmentRequest.$Properties
         * @deprecated Use etcdserverpb.DefragmentRequest.$Properties instead.
         */

        /**
         * Shape of a DefragmentRequest.
         * @typedef {etcdserverpb.DefragmentRequest.$Properties} etcdserverpb.DefragmentRequest.$Shape
         */

        /**
         * Constructs a new DefragmentRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a DefragmentRequest.
         * @constructor
         * @param {etcdserverpb.DefragmentRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DefragmentRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new DefragmentRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.DefragmentRequest
         * @static
         * @param {etcdserverpb.DefragmentRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.DefragmentRequest} DefragmentRequest instance
         * @type {{
         *   (properties: etcdserverpb.DefragmentRequest.$Shape): etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape;
         *   (properties?: etcdserverpb.DefragmentRequest.$Properties): etcdserverpb.DefragmentRequest;
         * }}
         */
        DefragmentRequest.create = function(properties) {
            return new DefragmentRequest(properties);
        };

        /**
         * Encodes the specified DefragmentRequest message. Does not implicitly {@link etcdserverpb.DefragmentRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.DefragmentRequest
         * @static
         * @param {etcdserverpb.DefragmentRequest.$Properties} message DefragmentRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DefragmentRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DefragmentRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.DefragmentRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape} DefragmentRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DefragmentRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.DefragmentRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for DefragmentRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.DefragmentRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DefragmentRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.DefragmentRequest";
        };

        return DefragmentRequest;
    })();

    etcdserverpb.DefragmentResponse = (function() {

        /**
         * Properties of a DefragmentResponse.
         * @typedef {Object} etcdserverpb.DefragmentResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] DefragmentResponse header
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DefragmentResponse.
         * @memberof etcdserverpb
         * @interface IDefragmentResponse
         * @augments etcdserverpb.DefragmentResponse.$Properties
         * @deprecated Use etcdserverpb.DefragmentResponse.$Properties instead.
         */

        /**
         * Shape of a DefragmentResponse.
         * @typedef {etcdserverpb.DefragmentResponse.$Properties} etcdserverpb.DefragmentResponse.$Shape
         */

        /**
         * Constructs a new DefragmentResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a DefragmentResponse.
         * @constructor
         * @param {etcdserverpb.DefragmentResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DefragmentResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DefragmentResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.DefragmentResponse
         * @instance
         */
        DefragmentResponse.prototype.header = null;

        /**
         * Creates a new DefragmentResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.DefragmentResponse
         * @static
         * @param {etcdserverpb.DefragmentResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.DefragmentResponse} DefragmentResponse instance
         * @type {{
         *   (properties: etcdserverpb.DefragmentResponse.$Shape): etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape;
         *   (properties?: etcdserverpb.DefragmentResponse.$Properties): etcdserverpb.DefragmentResponse;
         * }}
         */
        DefragmentResponse.create = function(properties) {
            return new DefragmentResponse(properties);
        };

        /**
         * Encodes the specified DefragmentResponse message. Does not implicitly {@link etcdserverpb.DefragmentResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.DefragmentResponse
         * @static
         * @param {etcdserverpb.DefragmentResponse.$Properties} message DefragmentResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DefragmentResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DefragmentResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.DefragmentResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape} DefragmentResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DefragmentResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.DefragmentResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for DefragmentResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.DefragmentResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DefragmentResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.DefragmentResponse";
        };

        return DefragmentResponse;
    })();

    etcdserverpb.MoveLeaderRequest = (function() {

        /**
         * Properties of a MoveLeaderRequest.
         * @typedef {Object} etcdserverpb.MoveLeaderRequest.$Properties
         * @property {number|null} [targetID] MoveLeaderRequest targetID
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MoveLeaderRequest.
         * @memberof etcdserverpb
         * @interface IMoveLeaderRequest
         * @augments etcdserverpb.MoveLeaderRequest.$Properties
         * @deprecated Use etcdserverpb.MoveLeaderRequest.$Properties instead.
         */

        /**
         * Shape of a MoveLeaderRequest.
         * @typedef {etcdserverpb.MoveLeaderRequest.$Properties} etcdserverpb.MoveLeaderRequest.$Shape
         */

        /**
         * Constructs a new MoveLeaderRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a MoveLeaderRequest.
         * @constructor
         * @param {etcdserverpb.MoveLeaderRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MoveLeaderRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MoveLeaderRequest targetID.
         * @member {number} targetID
         * @memberof etcdserverpb.MoveLeaderRequest
         * @instance
         */
        MoveLeaderRequest.prototype.targetID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new MoveLeaderRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MoveLeaderRequest
         * @static
         * @param {etcdserverpb.MoveLeaderRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MoveLeaderRequest} MoveLeaderRequest instance
         * @type {{
         *   (properties: etcdserverpb.MoveLeaderRequest.$Shape): etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape;
         *   (properties?: etcdserverpb.MoveLeaderRequest.$Properties): etcdserverpb.MoveLeaderRequest;
         * }}
         */
        MoveLeaderRequest.create = function(properties) {
            return new MoveLeaderRequest(properties);
        };

        /**
         * Encodes the specified MoveLeaderRequest message. Does not implicitly {@link etcdserverpb.MoveLeaderRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MoveLeaderRequest
         * @static
         * @param {etcdserverpb.MoveLeaderRequest.$Properties} message MoveLeaderRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MoveLeaderRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.targetID != null && $Object.hasOwnProperty.call(message, "targetID") && (typeof message.targetID === "object" ? message.targetID.low || message.targetID.high : message.targetID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.targetID);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MoveLeaderRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MoveLeaderRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape} MoveLeaderRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MoveLeaderRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MoveLeaderRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.targetID = value;
                        else
                            delete message.targetID;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MoveLeaderRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.MoveLeaderRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MoveLeaderRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MoveLeaderRequest";
        };

        return MoveLeaderRequest;
    })();

    etcdserverpb.MoveLeaderResponse = (function() {

        /**
         * Properties of a MoveLeaderResponse.
         * @typedef {Object} etcdserverpb.MoveLeaderResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] MoveLeaderResponse header
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MoveLeaderResponse.
         * @memberof etcdserverpb
         * @interface IMoveLeaderResponse
         * @augments etcdserverpb.MoveLeaderResponse.$Properties
         * @deprecated Use etcdserverpb.MoveLeaderResponse.$Properties instead.
         */

        /**
         * Shape of a MoveLeaderResponse.
         * @typedef {etcdserverpb.MoveLeaderResponse.$Properties} etcdserverpb.MoveLeaderResponse.$Shape
         */

        /**
         * Constructs a new MoveLeaderResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a MoveLeaderResponse.
         * @constructor
         * @param {etcdserverpb.MoveLeaderResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MoveLeaderResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MoveLeaderResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.MoveLeaderResponse
         * @instance
         */
        MoveLeaderResponse.prototype.header = null;

        /**
         * Creates a new MoveLeaderResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.MoveLeaderResponse
         * @static
         * @param {etcdserverpb.MoveLeaderResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.MoveLeaderResponse} MoveLeaderResponse instance
         * @type {{
         *   (properties: etcdserverpb.MoveLeaderResponse.$Shape): etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape;
         *   (properties?: etcdserverpb.MoveLeaderResponse.$Properties): etcdserverpb.MoveLeaderResponse;
         * }}
         */
        MoveLeaderResponse.create = function(properties) {
            return new MoveLeaderResponse(properties);
        };

        /**
         * Encodes the specified MoveLeaderResponse message. Does not implicitly {@link etcdserverpb.MoveLeaderResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.MoveLeaderResponse
         * @static
         * @param {etcdserverpb.MoveLeaderResponse.$Properties} message MoveLeaderResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MoveLeaderResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MoveLeaderResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.MoveLeaderResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape} MoveLeaderResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MoveLeaderResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.MoveLeaderResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MoveLeaderResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.MoveLeaderResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MoveLeaderResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.MoveLeaderResponse";
        };

        return MoveLeaderResponse;
    })();

    /**
     * AlarmType enum.
     * @name etcdserverpb.AlarmType
     * @enum {number}
     * @property {number} NONE=0 NONE value
     * @property {number} NOSPACE=1 NOSPACE value
     * @property {number} CORRUPT=2 CORRUPT value
     */
    etcdserverpb.AlarmType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "NONE"] = 0;
        values[valuesById[1] = "NOSPACE"] = 1;
        values[valuesById[2] = "CORRUPT"] = 2;
        return values;
    })();

    etcdserverpb.AlarmRequest = (function() {

        /**
         * Properties of an AlarmRequest.
         * @typedef {Object} etcdserverpb.AlarmRequest.$Properties
         * @property {etcdserverpb.AlarmRequest.AlarmAction|null} [action] AlarmRequest action
         * @property {number|null} [memberID] AlarmRequest memberID
         * @property {etcdserverpb.AlarmType|null} [alarm] AlarmRequest alarm
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AlarmRequest.
         * @memberof etcdserverpb
         * @interface IAlarmRequest
         * @augments etcdserverpb.AlarmRequest.$Properties
         * @deprecated Use etcdserverpb.AlarmRequest.$Properties instead.
         */

        /**
         * Shape of an AlarmRequest.
         * @typedef {etcdserverpb.AlarmRequest.$Properties} etcdserverpb.AlarmRequest.$Shape
         */

        /**
         * Constructs a new AlarmRequest.
         * @memberof etcdserverpb
         * @classdesc Represents an AlarmRequest.
         * @constructor
         * @param {etcdserverpb.AlarmRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AlarmRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AlarmRequest action.
         * @member {etcdserverpb.AlarmRequest.AlarmAction} action
         * @memberof etcdserverpb.AlarmRequest
         * @instance
         */
        AlarmRequest.prototype.action = 0;

        /**
         * AlarmRequest memberID.
         * @member {number} memberID
         * @memberof etcdserverpb.AlarmRequest
         * @instance
         */
        AlarmRequest.prototype.memberID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AlarmRequest alarm.
         * @member {etcdserverpb.AlarmType} alarm
         * @memberof etcdserverpb.AlarmRequest
         * @instance
         */
        AlarmRequest.prototype.alarm = 0;

        /**
         * Creates a new AlarmRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.AlarmRequest
         * @static
         * @param {etcdserverpb.AlarmRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.AlarmRequest} AlarmRequest instance
         * @type {{
         *   (properties: etcdserverpb.AlarmRequest.$Shape): etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape;
         *   (properties?: etcdserverpb.AlarmRequest.$Properties): etcdserverpb.AlarmRequest;
         * }}
         */
        AlarmRequest.create = function(properties) {
            return new AlarmRequest(properties);
        };

        /**
         * Encodes the specified AlarmRequest message. Does not implicitly {@link etcdserverpb.AlarmRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.AlarmRequest
         * @static
         * @param {etcdserverpb.AlarmRequest.$Properties} message AlarmRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AlarmRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.action);
            if (message.memberID != null && $Object.hasOwnProperty.call(message, "memberID") && (typeof message.memberID === "object" ? message.memberID.low || message.memberID.high : message.memberID !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.memberID);
            if (message.alarm != null && $Object.hasOwnProperty.call(message, "alarm") && message.alarm !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.alarm);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AlarmRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.AlarmRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape} AlarmRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AlarmRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.AlarmRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.action = value;
                        else
                            delete message.action;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.memberID = value;
                        else
                            delete message.memberID;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.alarm = value;
                        else
                            delete message.alarm;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AlarmRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.AlarmRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AlarmRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.AlarmRequest";
        };

        /**
         * AlarmAction enum.
         * @name etcdserverpb.AlarmRequest.AlarmAction
         * @enum {number}
         * @property {number} GET=0 GET value
         * @property {number} ACTIVATE=1 ACTIVATE value
         * @property {number} DEACTIVATE=2 DEACTIVATE value
         */
        AlarmRequest.AlarmAction = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "GET"] = 0;
            values[valuesById[1] = "ACTIVATE"] = 1;
            values[valuesById[2] = "DEACTIVATE"] = 2;
            return values;
        })();

        return AlarmRequest;
    })();

    etcdserverpb.AlarmMember = (function() {

        /**
         * Properties of an AlarmMember.
         * @typedef {Object} etcdserverpb.AlarmMember.$Properties
         * @property {number|null} [memberID] AlarmMember memberID
         * @property {etcdserverpb.AlarmType|null} [alarm] AlarmMember alarm
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AlarmMember.
         * @memberof etcdserverpb
         * @interface IAlarmMember
         * @augments etcdserverpb.AlarmMember.$Properties
         * @deprecated Use etcdserverpb.AlarmMember.$Properties instead.
         */

        /**
         * Shape of an AlarmMember.
         * @typedef {etcdserverpb.AlarmMember.$Properties} etcdserverpb.AlarmMember.$Shape
         */

        /**
         * Constructs a new AlarmMember.
         * @memberof etcdserverpb
         * @classdesc Represents an AlarmMember.
         * @constructor
         * @param {etcdserverpb.AlarmMember.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AlarmMember = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AlarmMember memberID.
         * @member {number} memberID
         * @memberof etcdserverpb.AlarmMember
         * @instance
         */
        AlarmMember.prototype.memberID = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AlarmMember alarm.
         * @member {etcdserverpb.AlarmType} alarm
         * @memberof etcdserverpb.AlarmMember
         * @instance
         */
        AlarmMember.prototype.alarm = 0;

        /**
         * Creates a new AlarmMember instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.AlarmMember
         * @static
         * @param {etcdserverpb.AlarmMember.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.AlarmMember} AlarmMember instance
         * @type {{
         *   (properties: etcdserverpb.AlarmMember.$Shape): etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape;
         *   (properties?: etcdserverpb.AlarmMember.$Properties): etcdserverpb.AlarmMember;
         * }}
         */
        AlarmMember.create = function(properties) {
            return new AlarmMember(properties);
        };

        /**
         * Encodes the specified AlarmMember message. Does not implicitly {@link etcdserverpb.AlarmMember.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.AlarmMember
         * @static
         * @param {etcdserverpb.AlarmMember.$Properties} message AlarmMember message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AlarmMember.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.memberID != null && $Object.hasOwnProperty.call(message, "memberID") && (typeof message.memberID === "object" ? message.memberID.low || message.memberID.high : message.memberID !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.memberID);
            if (message.alarm != null && $Object.hasOwnProperty.call(message, "alarm") && message.alarm !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.alarm);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AlarmMember message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.AlarmMember
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape} AlarmMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AlarmMember.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.AlarmMember();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.memberID = value;
                        else
                            delete message.memberID;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.alarm = value;
                        else
                            delete message.alarm;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AlarmMember
         * @function getTypeUrl
         * @memberof etcdserverpb.AlarmMember
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AlarmMember.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.AlarmMember";
        };

        return AlarmMember;
    })();

    etcdserverpb.AlarmResponse = (function() {

        /**
         * Properties of an AlarmResponse.
         * @typedef {Object} etcdserverpb.AlarmResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] AlarmResponse header
         * @property {Array.<etcdserverpb.AlarmMember.$Properties>|null} [alarms] AlarmResponse alarms
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AlarmResponse.
         * @memberof etcdserverpb
         * @interface IAlarmResponse
         * @augments etcdserverpb.AlarmResponse.$Properties
         * @deprecated Use etcdserverpb.AlarmResponse.$Properties instead.
         */

        /**
         * Shape of an AlarmResponse.
         * @typedef {etcdserverpb.AlarmResponse.$Properties} etcdserverpb.AlarmResponse.$Shape
         */

        /**
         * Constructs a new AlarmResponse.
         * @memberof etcdserverpb
         * @classdesc Represents an AlarmResponse.
         * @constructor
         * @param {etcdserverpb.AlarmResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AlarmResponse = function (properties) {
            this.alarms = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AlarmResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.AlarmResponse
         * @instance
         */
        AlarmResponse.prototype.header = null;

        /**
         * AlarmResponse alarms.
         * @member {Array.<etcdserverpb.AlarmMember.$Properties>} alarms
         * @memberof etcdserverpb.AlarmResponse
         * @instance
         */
        AlarmResponse.prototype.alarms = $util.emptyArray;

        /**
         * Creates a new AlarmResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.AlarmResponse
         * @static
         * @param {etcdserverpb.AlarmResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.AlarmResponse} AlarmResponse instance
         * @type {{
         *   (properties: etcdserverpb.AlarmResponse.$Shape): etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape;
         *   (properties?: etcdserverpb.AlarmResponse.$Properties): etcdserverpb.AlarmResponse;
         * }}
         */
        AlarmResponse.create = function(properties) {
            return new AlarmResponse(properties);
        };

        /**
         * Encodes the specified AlarmResponse message. Does not implicitly {@link etcdserverpb.AlarmResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.AlarmResponse
         * @static
         * @param {etcdserverpb.AlarmResponse.$Properties} message AlarmResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AlarmResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.alarms != null && message.alarms.length)
                for (let i = 0; i < message.alarms.length; ++i)
                    $root.etcdserverpb.AlarmMember.encode(message.alarms[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AlarmResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.AlarmResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape} AlarmResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AlarmResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.AlarmResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.alarms && message.alarms.length))
                            message.alarms = [];
                        message.alarms.push($root.etcdserverpb.AlarmMember.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for AlarmResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.AlarmResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AlarmResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.AlarmResponse";
        };

        return AlarmResponse;
    })();

    etcdserverpb.StatusRequest = (function() {

        /**
         * Properties of a StatusRequest.
         * @typedef {Object} etcdserverpb.StatusRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatusRequest.
         * @memberof etcdserverpb
         * @interface IStatusRequest
         * @augments etcdserverpb.StatusRequest.$Properties
         * @deprecated Use etcdserverpb.StatusRequest.$Properties instead.
         */

        /**
         * Shape of a StatusRequest.
         * @typedef {etcdserverpb.StatusRequest.$Properties} etcdserverpb.StatusRequest.$Shape
         */

        /**
         * Constructs a new StatusRequest.
         * @memberof etcdserverpb
         * @classdesc Represents a StatusRequest.
         * @constructor
         * @param {etcdserverpb.StatusRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatusRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new StatusRequest instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.StatusRequest
         * @static
         * @param {etcdserverpb.StatusRequest.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.StatusRequest} StatusRequest instance
         * @type {{
         *   (properties: etcdserverpb.StatusRequest.$Shape): etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape;
         *   (properties?: etcdserverpb.StatusRequest.$Properties): etcdserverpb.StatusRequest;
         * }}
         */
        StatusRequest.create = function(properties) {
            return new StatusRequest(properties);
        };

        /**
         * Encodes the specified StatusRequest message. Does not implicitly {@link etcdserverpb.StatusRequest.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.StatusRequest
         * @static
         * @param {etcdserverpb.StatusRequest.$Properties} message StatusRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatusRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatusRequest message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.StatusRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape} StatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatusRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.StatusRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for StatusRequest
         * @function getTypeUrl
         * @memberof etcdserverpb.StatusRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        StatusRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.StatusRequest";
        };

        return StatusRequest;
    })();

    etcdserverpb.StatusResponse = (function() {

        /**
         * Properties of a StatusResponse.
         * @typedef {Object} etcdserverpb.StatusResponse.$Properties
         * @property {etcdserverpb.ResponseHeader.$Properties|null} [header] StatusResponse header
         * @property {string|null} [version] StatusResponse version
         * @property {number|null} [dbSize] StatusResponse dbSize
         * @property {number|null} [leader] StatusResponse leader
         * @property {number|null} [raftIndex] StatusResponse raftIndex
         * @property {number|null} [raftTerm] StatusResponse raftTerm
         * @property {number|null} [raftAppliedIndex] StatusResponse raftAppliedIndex
         * @property {Array.<string>|null} [errors] StatusResponse errors
         * @property {number|null} [dbSizeInUse] StatusResponse dbSizeInUse
         * @property {boolean|null} [isLearner] StatusResponse isLearner
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a StatusResponse.
         * @memberof etcdserverpb
         * @interface IStatusResponse
         * @augments etcdserverpb.StatusResponse.$Properties
         * @deprecated Use etcdserverpb.StatusResponse.$Properties instead.
         */

        /**
         * Shape of a StatusResponse.
         * @typedef {etcdserverpb.StatusResponse.$Properties} etcdserverpb.StatusResponse.$Shape
         */

        /**
         * Constructs a new StatusResponse.
         * @memberof etcdserverpb
         * @classdesc Represents a StatusResponse.
         * @constructor
         * @param {etcdserverpb.StatusResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const StatusResponse = function (properties) {
            this.errors = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * StatusResponse header.
         * @member {etcdserverpb.ResponseHeader.$Properties|null|undefined} header
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.header = null;

        /**
         * StatusResponse version.
         * @member {string} version
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.version = "";

        /**
         * StatusResponse dbSize.
         * @member {number} dbSize
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.dbSize = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * StatusResponse leader.
         * @member {number} leader
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.leader = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * StatusResponse raftIndex.
         * @member {number} raftIndex
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.raftIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * StatusResponse raftTerm.
         * @member {number} raftTerm
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.raftTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * StatusResponse raftAppliedIndex.
         * @member {number} raftAppliedIndex
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.raftAppliedIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * StatusResponse errors.
         * @member {Array.<string>} errors
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.errors = $util.emptyArray;

        /**
         * StatusResponse dbSizeInUse.
         * @member {number} dbSizeInUse
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.dbSizeInUse = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * StatusResponse isLearner.
         * @member {boolean} isLearner
         * @memberof etcdserverpb.StatusResponse
         * @instance
         */
        StatusResponse.prototype.isLearner = false;

        /**
         * Creates a new StatusResponse instance using the specified properties.
         * @function create
         * @memberof etcdserverpb.StatusResponse
         * @static
         * @param {etcdserverpb.StatusResponse.$Properties=} [properties] Properties to set
         * @returns {etcdserverpb.StatusResponse} StatusResponse instance
         * @type {{
         *   (properties: etcdserverpb.StatusResponse.$Shape): etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape;
         *   (properties?: etcdserverpb.StatusResponse.$Properties): etcdserverpb.StatusResponse;
         * }}
         */
        StatusResponse.create = function(properties) {
            return new StatusResponse(properties);
        };

        /**
         * Encodes the specified StatusResponse message. Does not implicitly {@link etcdserverpb.StatusResponse.verify|verify} messages.
         * @function encode
         * @memberof etcdserverpb.StatusResponse
         * @static
         * @param {etcdserverpb.StatusResponse.$Properties} message StatusResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        StatusResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                $root.etcdserverpb.ResponseHeader.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.version);
            if (message.dbSize != null && $Object.hasOwnProperty.call(message, "dbSize") && (typeof message.dbSize === "object" ? message.dbSize.low || message.dbSize.high : message.dbSize !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.dbSize);
            if (message.leader != null && $Object.hasOwnProperty.call(message, "leader") && (typeof message.leader === "object" ? message.leader.low || message.leader.high : message.leader !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.leader);
            if (message.raftIndex != null && $Object.hasOwnProperty.call(message, "raftIndex") && (typeof message.raftIndex === "object" ? message.raftIndex.low || message.raftIndex.high : message.raftIndex !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.raftIndex);
            if (message.raftTerm != null && $Object.hasOwnProperty.call(message, "raftTerm") && (typeof message.raftTerm === "object" ? message.raftTerm.low || message.raftTerm.high : message.raftTerm !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.raftTerm);
            if (message.raftAppliedIndex != null && $Object.hasOwnProperty.call(message, "raftAppliedIndex") && (typeof message.raftAppliedIndex === "object" ? message.raftAppliedIndex.low || message.raftAppliedIndex.high : message.raftAppliedIndex !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.raftAppliedIndex);
            if (message.errors != null && message.errors.length)
                for (let i = 0; i < message.errors.length; ++i)
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.errors[i]);
            if (message.dbSizeInUse != null && $Object.hasOwnProperty.call(message, "dbSizeInUse") && (typeof message.dbSizeInUse === "object" ? message.dbSizeInUse.low || message.dbSizeInUse.high : message.dbSizeInUse !== 0))
                writer.uint32(/* id 9, wireType 0 =*/72).int64(message.dbSizeInUse);
            if (message.isLearner != null && $Object.hasOwnProperty.call(message, "isLearner") && message.isLearner !== false)
                writer.uint32(/* id 10, wireType 0 =*/80).bool(message.isLearner);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a StatusResponse message from the specified reader or buffer.
         * @function decode
         * @memberof etcdserverpb.StatusResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape} StatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        StatusResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.etcdserverpb.StatusResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.header = $root.etcdserverpb.ResponseHeader.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.dbSize = value;
                        else
                            delete message.dbSize;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.leader = value;
                        else
                            delete message.leader;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.raftIndex = value;
                        else
                            delete message.raftIndex;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.raftTerm = value;
                        else
                            delete message.raftTerm;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.raftAppliedIndex = value;
                        else
                            delete message.raftAppliedIndex;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if (!(message.errors && message.errors.length))
                            message.errors = [];
                        message.errors.push(reader.stringVerify());
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.dbSizeInUse = value;
                        else
                            delete message.dbSizeInUse;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.isLearner = value;
                        else
                            delete message.isLearner;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for StatusResponse
         * @function getTypeUrl
         * @memberof etcdserverpb.StatusResponse
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        StatusResponse.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/etcdserverpb.StatusResponse";
        };

        return StatusResponse;
    })();

    return etcdserverpb;
})();

export const mvccpb = $root.mvccpb = (() => {

    /**
     * Namespace mvccpb.
     * @exports mvccpb
     * @namespace
     */
    const mvccpb = {};

    mvccpb.KeyValue = (function() {

        /**
         * Properties of a KeyValue.
         * @typedef {Object} mvccpb.KeyValue.$Properties
         * @property {Uint8Array|null} [key] KeyValue key
         * @property {number|null} [createRevision] KeyValue createRevision
         * @property {number|null} [modRevision] KeyValue modRevision
         * @property {number|null} [version] KeyValue version
         * @property {Uint8Array|null} [value] KeyValue value
         * @property {number|null} [lease] KeyValue lease
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KeyValue.
         * @memberof mvccpb
         * @interface IKeyValue
         * @augments mvccpb.KeyValue.$Properties
         * @deprecated Use mvccpb.KeyValue.$Properties instead.
         */

        /**
         * Shape of a KeyValue.
         * @typedef {mvccpb.KeyValue.$Properties} mvccpb.KeyValue.$Shape
         */

        /**
         * Constructs a new KeyValue.
         * @memberof mvccpb
         * @classdesc Represents a KeyValue.
         * @constructor
         * @param {mvccpb.KeyValue.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KeyValue = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KeyValue key.
         * @member {Uint8Array} key
         * @memberof mvccpb.KeyValue
         * @instance
         */
        KeyValue.prototype.key = $util.newBuffer([]);

        /**
         * KeyValue createRevision.
         * @member {number} createRevision
         * @memberof mvccpb.KeyValue
         * @instance
         */
        KeyValue.prototype.createRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyValue modRevision.
         * @member {number} modRevision
         * @memberof mvccpb.KeyValue
         * @instance
         */
        KeyValue.prototype.modRevision = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyValue version.
         * @member {number} version
         * @memberof mvccpb.KeyValue
         * @instance
         */
        KeyValue.prototype.version = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * KeyValue value.
         * @member {Uint8Array} value
         * @memberof mvccpb.KeyValue
         * @instance
         */
        KeyValue.prototype.value = $util.newBuffer([]);

        /**
         * KeyValue lease.
         * @member {number} lease
         * @memberof mvccpb.KeyValue
         * @instance
         */
        KeyValue.prototype.lease = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new KeyValue instance using the specified properties.
         * @function create
         * @memberof mvccpb.KeyValue
         * @static
         * @param {mvccpb.KeyValue.$Properties=} [properties] Properties to set
         * @returns {mvccpb.KeyValue} KeyValue instance
         * @type {{
         *   (properties: mvccpb.KeyValue.$Shape): mvccpb.KeyValue & mvccpb.KeyValue.$Shape;
         *   (properties?: mvccpb.KeyValue.$Properties): mvccpb.KeyValue;
         * }}
         */
        KeyValue.create = function(properties) {
            return new KeyValue(properties);
        };

        /**
         * Encodes the specified KeyValue message. Does not implicitly {@link mvccpb.KeyValue.verify|verify} messages.
         * @function encode
         * @memberof mvccpb.KeyValue
         * @static
         * @param {mvccpb.KeyValue.$Properties} message KeyValue message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KeyValue.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.key);
            if (message.createRevision != null && $Object.hasOwnProperty.call(message, "createRevision") && (typeof message.createRevision === "object" ? message.createRevision.low || message.createRevision.high : message.createRevision !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).int64(message.createRevision);
            if (message.modRevision != null && $Object.hasOwnProperty.call(message, "modRevision") && (typeof message.modRevision === "object" ? message.modRevision.low || message.modRevision.high : message.modRevision !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.modRevision);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).int64(message.version);
            if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.value);
            if (message.lease != null && $Object.hasOwnProperty.call(message, "lease") && (typeof message.lease === "object" ? message.lease.low || message.lease.high : message.lease !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).int64(message.lease);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KeyValue message from the specified reader or buffer.
         * @function decode
         * @memberof mvccpb.KeyValue
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mvccpb.KeyValue & mvccpb.KeyValue.$Shape} KeyValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KeyValue.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mvccpb.KeyValue();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.key = value;
                        else
                            delete message.key;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.createRevision = value;
                        else
                            delete message.createRevision;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.modRevision = value;
                        else
                            delete message.modRevision;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.value = value;
                        else
                            delete message.value;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.lease = value;
                        else
                            delete message.lease;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for KeyValue
         * @function getTypeUrl
         * @memberof mvccpb.KeyValue
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KeyValue.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mvccpb.KeyValue";
        };

        return KeyValue;
    })();

    mvccpb.Event = (function() {

        /**
         * Properties of an Event.
         * @typedef {Object} mvccpb.Event.$Properties
         * @property {mvccpb.Event.EventType|null} [type] Event type
         * @property {mvccpb.KeyValue.$Properties|null} [kv] Event kv
         * @property {mvccpb.KeyValue.$Properties|null} [prevKv] Event prevKv
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Event.
         * @memberof mvccpb
         * @interface IEvent
         * @augments mvccpb.Event.$Properties
         * @deprecated Use mvccpb.Event.$Properties instead.
         */

        /**
         * Shape of an Event.
         * @typedef {mvccpb.Event.$Properties} mvccpb.Event.$Shape
         */

        /**
         * Constructs a new Event.
         * @memberof mvccpb
         * @classdesc Represents an Event.
         * @constructor
         * @param {mvccpb.Event.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Event = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Event type.
         * @member {mvccpb.Event.EventType} type
         * @memberof mvccpb.Event
         * @instance
         */
        Event.prototype.type = 0;

        /**
         * Event kv.
         * @member {mvccpb.KeyValue.$Properties|null|undefined} kv
         * @memberof mvccpb.Event
         * @instance
         */
        Event.prototype.kv = null;

        /**
         * Event prevKv.
         * @member {mvccpb.KeyValue.$Properties|null|undefined} prevKv
         * @memberof mvccpb.Event
         * @instance
         */
        Event.prototype.prevKv = null;

        /**
         * Creates a new Event instance using the specified properties.
         * @function create
         * @memberof mvccpb.Event
         * @static
         * @param {mvccpb.Event.$Properties=} [properties] Properties to set
         * @returns {mvccpb.Event} Event instance
         * @type {{
         *   (properties: mvccpb.Event.$Shape): mvccpb.Event & mvccpb.Event.$Shape;
         *   (properties?: mvccpb.Event.$Properties): mvccpb.Event;
         * }}
         */
        Event.create = function(properties) {
            return new Event(properties);
        };

        /**
         * Encodes the specified Event message. Does not implicitly {@link mvccpb.Event.verify|verify} messages.
         * @function encode
         * @memberof mvccpb.Event
         * @static
         * @param {mvccpb.Event.$Properties} message Event message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Event.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
            if (message.kv != null && $Object.hasOwnProperty.call(message, "kv"))
                $root.mvccpb.KeyValue.encode(message.kv, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.prevKv != null && $Object.hasOwnProperty.call(message, "prevKv"))
                $root.mvccpb.KeyValue.encode(message.prevKv, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @function decode
         * @memberof mvccpb.Event
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {mvccpb.Event & mvccpb.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Event.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.mvccpb.Event();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.kv = $root.mvccpb.KeyValue.decode(reader, reader.size(), $undefined, _depth + 1, message.kv);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.prevKv = $root.mvccpb.KeyValue.decode(reader, reader.size(), $undefined, _depth + 1, message.prevKv);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Event
         * @function getTypeUrl
         * @memberof mvccpb.Event
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Event.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/mvccpb.Event";
        };

        /**
         * EventType enum.
         * @name mvccpb.Event.EventType
         * @enum {number}
         * @property {number} PUT=0 PUT value
         * @property {number} DELETE=1 DELETE value
         */
        Event.EventType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PUT"] = 0;
            values[valuesById[1] = "DELETE"] = 1;
            return values;
        })();

        return Event;
    })();

    return mvccpb;
})();

export {
  $root as default
};
