/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const mgmt = $root.mgmt = (() => {

    /**
     * Namespace mgmt.
     * @exports mgmt
     * @namespace
     */
    const mgmt = {};

    mgmt.raft = (function() {

        /**
         * Namespace raft.
         * @memberof mgmt
         * @namespace
         */
        const raft = {};

        /**
         * EntryType enum.
         * @name mgmt.raft.EntryType
         * @enum {number}
         * @property {number} ENTRY_NORMAL=0 ENTRY_NORMAL value
         * @property {number} ENTRY_CONF_CHANGE=1 ENTRY_CONF_CHANGE value
         */
        raft.EntryType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ENTRY_NORMAL"] = 0;
            values[valuesById[1] = "ENTRY_CONF_CHANGE"] = 1;
            return values;
        })();

        raft.Entry = (function() {

            /**
             * Properties of an Entry.
             * @typedef {Object} mgmt.raft.Entry.$Properties
             * @property {number|null} [term] Entry term
             * @property {number|null} [index] Entry index
             * @property {mgmt.raft.EntryType|null} [type] Entry type
             * @property {Uint8Array|null} [data] Entry data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Entry.
             * @memberof mgmt.raft
             * @interface IEntry
             * @augments mgmt.raft.Entry.$Properties
             * @deprecated Use mgmt.raft.Entry.$Properties instead.
             */

            /**
             * Shape of an Entry.
             * @typedef {mgmt.raft.Entry.$Properties} mgmt.raft.Entry.$Shape
             */

            /**
             * Constructs a new Entry.
             * @memberof mgmt.raft
             * @classdesc Represents an Entry.
             * @constructor
             * @param {mgmt.raft.Entry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Entry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Entry term.
             * @member {number} term
             * @memberof mgmt.raft.Entry
             * @instance
             */
            Entry.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry index.
             * @member {number} index
             * @memberof mgmt.raft.Entry
             * @instance
             */
            Entry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry type.
             * @member {mgmt.raft.EntryType} type
             * @memberof mgmt.raft.Entry
             * @instance
             */
            Entry.prototype.type = 0;

            /**
             * Entry data.
             * @member {Uint8Array} data
             * @memberof mgmt.raft.Entry
             * @instance
             */
            Entry.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Entry instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.Entry
             * @static
             * @param {mgmt.raft.Entry.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.Entry} Entry instance
             * @type {{
             *   (properties: mgmt.raft.Entry.$Shape): mgmt.raft.Entry & mgmt.raft.Entry.$Shape;
             *   (properties?: mgmt.raft.Entry.$Properties): mgmt.raft.Entry;
             * }}
             */
            Entry.create = function(properties) {
                return new Entry(properties);
            };

            /**
             * Encodes the specified Entry message. Does not implicitly {@link mgmt.raft.Entry.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.Entry
             * @static
             * @param {mgmt.raft.Entry.$Properties} message Entry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Entry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.term);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.index);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.Entry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.Entry & mgmt.raft.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Entry.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.Entry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
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
             * Gets the type url for Entry
             * @function getTypeUrl
             * @memberof mgmt.raft.Entry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Entry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.Entry";
            };

            return Entry;
        })();

        raft.HardState = (function() {

            /**
             * Properties of a HardState.
             * @typedef {Object} mgmt.raft.HardState.$Properties
             * @property {number|null} [term] HardState term
             * @property {number|null} [vote] HardState vote
             * @property {number|null} [commit] HardState commit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HardState.
             * @memberof mgmt.raft
             * @interface IHardState
             * @augments mgmt.raft.HardState.$Properties
             * @deprecated Use mgmt.raft.HardState.$Properties instead.
             */

            /**
             * Shape of a HardState.
             * @typedef {mgmt.raft.HardState.$Properties} mgmt.raft.HardState.$Shape
             */

            /**
             * Constructs a new HardState.
             * @memberof mgmt.raft
             * @classdesc Represents a HardState.
             * @constructor
             * @param {mgmt.raft.HardState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HardState = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HardState term.
             * @member {number} term
             * @memberof mgmt.raft.HardState
             * @instance
             */
            HardState.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HardState vote.
             * @member {number} vote
             * @memberof mgmt.raft.HardState
             * @instance
             */
            HardState.prototype.vote = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HardState commit.
             * @member {number} commit
             * @memberof mgmt.raft.HardState
             * @instance
             */
            HardState.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new HardState instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.HardState
             * @static
             * @param {mgmt.raft.HardState.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.HardState} HardState instance
             * @type {{
             *   (properties: mgmt.raft.HardState.$Shape): mgmt.raft.HardState & mgmt.raft.HardState.$Shape;
             *   (properties?: mgmt.raft.HardState.$Properties): mgmt.raft.HardState;
             * }}
             */
            HardState.create = function(properties) {
                return new HardState(properties);
            };

            /**
             * Encodes the specified HardState message. Does not implicitly {@link mgmt.raft.HardState.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.HardState
             * @static
             * @param {mgmt.raft.HardState.$Properties} message HardState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HardState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.term);
                if (message.vote != null && $Object.hasOwnProperty.call(message, "vote") && (typeof message.vote === "object" ? message.vote.low || message.vote.high : message.vote !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.vote);
                if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && (typeof message.commit === "object" ? message.commit.low || message.commit.high : message.commit !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.commit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HardState message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.HardState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.HardState & mgmt.raft.HardState.$Shape} HardState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HardState.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.HardState();
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
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.vote = value;
                            else
                                delete message.vote;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commit = value;
                            else
                                delete message.commit;
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
             * Gets the type url for HardState
             * @function getTypeUrl
             * @memberof mgmt.raft.HardState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HardState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.HardState";
            };

            return HardState;
        })();

        raft.ConfState = (function() {

            /**
             * Properties of a ConfState.
             * @typedef {Object} mgmt.raft.ConfState.$Properties
             * @property {Array.<number>|null} [voters] ConfState voters
             * @property {Array.<number>|null} [learners] ConfState learners
             * @property {Array.<number>|null} [votersOutgoing] ConfState votersOutgoing
             * @property {Array.<number>|null} [learnersNext] ConfState learnersNext
             * @property {boolean|null} [autoLeave] ConfState autoLeave
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfState.
             * @memberof mgmt.raft
             * @interface IConfState
             * @augments mgmt.raft.ConfState.$Properties
             * @deprecated Use mgmt.raft.ConfState.$Properties instead.
             */

            /**
             * Shape of a ConfState.
             * @typedef {mgmt.raft.ConfState.$Properties} mgmt.raft.ConfState.$Shape
             */

            /**
             * Constructs a new ConfState.
             * @memberof mgmt.raft
             * @classdesc Represents a ConfState.
             * @constructor
             * @param {mgmt.raft.ConfState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfState = function (properties) {
                this.voters = [];
                this.learners = [];
                this.votersOutgoing = [];
                this.learnersNext = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ConfState voters.
             * @member {Array.<number>} voters
             * @memberof mgmt.raft.ConfState
             * @instance
             */
            ConfState.prototype.voters = $util.emptyArray;

            /**
             * ConfState learners.
             * @member {Array.<number>} learners
             * @memberof mgmt.raft.ConfState
             * @instance
             */
            ConfState.prototype.learners = $util.emptyArray;

            /**
             * ConfState votersOutgoing.
             * @member {Array.<number>} votersOutgoing
             * @memberof mgmt.raft.ConfState
             * @instance
             */
            ConfState.prototype.votersOutgoing = $util.emptyArray;

            /**
             * ConfState learnersNext.
             * @member {Array.<number>} learnersNext
             * @memberof mgmt.raft.ConfState
             * @instance
             */
            ConfState.prototype.learnersNext = $util.emptyArray;

            /**
             * ConfState autoLeave.
             * @member {boolean} autoLeave
             * @memberof mgmt.raft.ConfState
             * @instance
             */
            ConfState.prototype.autoLeave = false;

            /**
             * Creates a new ConfState instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.ConfState
             * @static
             * @param {mgmt.raft.ConfState.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.ConfState} ConfState instance
             * @type {{
             *   (properties: mgmt.raft.ConfState.$Shape): mgmt.raft.ConfState & mgmt.raft.ConfState.$Shape;
             *   (properties?: mgmt.raft.ConfState.$Properties): mgmt.raft.ConfState;
             * }}
             */
            ConfState.create = function(properties) {
                return new ConfState(properties);
            };

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link mgmt.raft.ConfState.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.ConfState
             * @static
             * @param {mgmt.raft.ConfState.$Properties} message ConfState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.voters != null && message.voters.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint64s(message.voters);
                if (message.learners != null && message.learners.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).uint64s(message.learners);
                if (message.votersOutgoing != null && message.votersOutgoing.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).uint64s(message.votersOutgoing);
                if (message.learnersNext != null && message.learnersNext.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).uint64s(message.learnersNext);
                if (message.autoLeave != null && $Object.hasOwnProperty.call(message, "autoLeave") && message.autoLeave !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.autoLeave);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.ConfState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.ConfState & mgmt.raft.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfState.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.ConfState();
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
                                if (!(message.voters && message.voters.length))
                                    message.voters = [];
                                reader.uint64s(message.voters);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.voters && message.voters.length))
                                message.voters = [];
                            message.voters.push(reader.uint64());
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.learners && message.learners.length))
                                    message.learners = [];
                                reader.uint64s(message.learners);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.learners && message.learners.length))
                                message.learners = [];
                            message.learners.push(reader.uint64());
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.votersOutgoing && message.votersOutgoing.length))
                                    message.votersOutgoing = [];
                                reader.uint64s(message.votersOutgoing);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.votersOutgoing && message.votersOutgoing.length))
                                message.votersOutgoing = [];
                            message.votersOutgoing.push(reader.uint64());
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.learnersNext && message.learnersNext.length))
                                    message.learnersNext = [];
                                reader.uint64s(message.learnersNext);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.learnersNext && message.learnersNext.length))
                                message.learnersNext = [];
                            message.learnersNext.push(reader.uint64());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.autoLeave = value;
                            else
                                delete message.autoLeave;
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
             * Gets the type url for ConfState
             * @function getTypeUrl
             * @memberof mgmt.raft.ConfState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConfState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.ConfState";
            };

            return ConfState;
        })();

        raft.SnapshotMetadata = (function() {

            /**
             * Properties of a SnapshotMetadata.
             * @typedef {Object} mgmt.raft.SnapshotMetadata.$Properties
             * @property {mgmt.raft.ConfState.$Properties|null} [confState] SnapshotMetadata confState
             * @property {number|null} [index] SnapshotMetadata index
             * @property {number|null} [term] SnapshotMetadata term
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SnapshotMetadata.
             * @memberof mgmt.raft
             * @interface ISnapshotMetadata
             * @augments mgmt.raft.SnapshotMetadata.$Properties
             * @deprecated Use mgmt.raft.SnapshotMetadata.$Properties instead.
             */

            /**
             * Shape of a SnapshotMetadata.
             * @typedef {mgmt.raft.SnapshotMetadata.$Properties} mgmt.raft.SnapshotMetadata.$Shape
             */

            /**
             * Constructs a new SnapshotMetadata.
             * @memberof mgmt.raft
             * @classdesc Represents a SnapshotMetadata.
             * @constructor
             * @param {mgmt.raft.SnapshotMetadata.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SnapshotMetadata = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SnapshotMetadata confState.
             * @member {mgmt.raft.ConfState.$Properties|null|undefined} confState
             * @memberof mgmt.raft.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.confState = null;

            /**
             * SnapshotMetadata index.
             * @member {number} index
             * @memberof mgmt.raft.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMetadata term.
             * @member {number} term
             * @memberof mgmt.raft.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new SnapshotMetadata instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.SnapshotMetadata
             * @static
             * @param {mgmt.raft.SnapshotMetadata.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.SnapshotMetadata} SnapshotMetadata instance
             * @type {{
             *   (properties: mgmt.raft.SnapshotMetadata.$Shape): mgmt.raft.SnapshotMetadata & mgmt.raft.SnapshotMetadata.$Shape;
             *   (properties?: mgmt.raft.SnapshotMetadata.$Properties): mgmt.raft.SnapshotMetadata;
             * }}
             */
            SnapshotMetadata.create = function(properties) {
                return new SnapshotMetadata(properties);
            };

            /**
             * Encodes the specified SnapshotMetadata message. Does not implicitly {@link mgmt.raft.SnapshotMetadata.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.SnapshotMetadata
             * @static
             * @param {mgmt.raft.SnapshotMetadata.$Properties} message SnapshotMetadata message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotMetadata.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.confState != null && $Object.hasOwnProperty.call(message, "confState"))
                    $root.mgmt.raft.ConfState.encode(message.confState, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.index);
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.term);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SnapshotMetadata message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.SnapshotMetadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.SnapshotMetadata & mgmt.raft.SnapshotMetadata.$Shape} SnapshotMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotMetadata.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.SnapshotMetadata();
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
                            message.confState = $root.mgmt.raft.ConfState.decode(reader, reader.size(), $undefined, _depth + 1, message.confState);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
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
             * Gets the type url for SnapshotMetadata
             * @function getTypeUrl
             * @memberof mgmt.raft.SnapshotMetadata
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SnapshotMetadata.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.SnapshotMetadata";
            };

            return SnapshotMetadata;
        })();

        raft.Snapshot = (function() {

            /**
             * Properties of a Snapshot.
             * @typedef {Object} mgmt.raft.Snapshot.$Properties
             * @property {Uint8Array|null} [data] Snapshot data
             * @property {mgmt.raft.SnapshotMetadata.$Properties|null} [metadata] Snapshot metadata
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Snapshot.
             * @memberof mgmt.raft
             * @interface ISnapshot
             * @augments mgmt.raft.Snapshot.$Properties
             * @deprecated Use mgmt.raft.Snapshot.$Properties instead.
             */

            /**
             * Shape of a Snapshot.
             * @typedef {mgmt.raft.Snapshot.$Properties} mgmt.raft.Snapshot.$Shape
             */

            /**
             * Constructs a new Snapshot.
             * @memberof mgmt.raft
             * @classdesc Represents a Snapshot.
             * @constructor
             * @param {mgmt.raft.Snapshot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Snapshot = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Snapshot data.
             * @member {Uint8Array} data
             * @memberof mgmt.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.data = $util.newBuffer([]);

            /**
             * Snapshot metadata.
             * @member {mgmt.raft.SnapshotMetadata.$Properties|null|undefined} metadata
             * @memberof mgmt.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.metadata = null;

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.Snapshot
             * @static
             * @param {mgmt.raft.Snapshot.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.Snapshot} Snapshot instance
             * @type {{
             *   (properties: mgmt.raft.Snapshot.$Shape): mgmt.raft.Snapshot & mgmt.raft.Snapshot.$Shape;
             *   (properties?: mgmt.raft.Snapshot.$Properties): mgmt.raft.Snapshot;
             * }}
             */
            Snapshot.create = function(properties) {
                return new Snapshot(properties);
            };

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link mgmt.raft.Snapshot.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.Snapshot
             * @static
             * @param {mgmt.raft.Snapshot.$Properties} message Snapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Snapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.data);
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    $root.mgmt.raft.SnapshotMetadata.encode(message.metadata, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.Snapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.Snapshot & mgmt.raft.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Snapshot.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.Snapshot();
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
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.metadata = $root.mgmt.raft.SnapshotMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
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
             * Gets the type url for Snapshot
             * @function getTypeUrl
             * @memberof mgmt.raft.Snapshot
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Snapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.Snapshot";
            };

            return Snapshot;
        })();

        /**
         * MessageType enum.
         * @name mgmt.raft.MessageType
         * @enum {number}
         * @property {number} MSG_HUP=0 MSG_HUP value
         * @property {number} MSG_BEAT=1 MSG_BEAT value
         * @property {number} MSG_PROP=2 MSG_PROP value
         * @property {number} MSG_APP=3 MSG_APP value
         * @property {number} MSG_APP_RESP=4 MSG_APP_RESP value
         * @property {number} MSG_VOTE=5 MSG_VOTE value
         * @property {number} MSG_VOTE_RESP=6 MSG_VOTE_RESP value
         * @property {number} MSG_SNAP=7 MSG_SNAP value
         * @property {number} MSG_HEARTBEAT=8 MSG_HEARTBEAT value
         * @property {number} MSG_HEARTBEAT_RESP=9 MSG_HEARTBEAT_RESP value
         * @property {number} MSG_UNREACHABLE=10 MSG_UNREACHABLE value
         * @property {number} MSG_SNAP_STATUS=11 MSG_SNAP_STATUS value
         * @property {number} MSG_CHECK_QUORUM=12 MSG_CHECK_QUORUM value
         * @property {number} MSG_TRANSFER_LEADER=13 MSG_TRANSFER_LEADER value
         * @property {number} MSG_TIMEOUT_NOW=14 MSG_TIMEOUT_NOW value
         * @property {number} MSG_READ_INDEX=15 MSG_READ_INDEX value
         * @property {number} MSG_READ_INDEX_RESP=16 MSG_READ_INDEX_RESP value
         * @property {number} MSG_PRE_VOTE=17 MSG_PRE_VOTE value
         * @property {number} MSG_PRE_VOTE_RESP=18 MSG_PRE_VOTE_RESP value
         */
        raft.MessageType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "MSG_HUP"] = 0;
            values[valuesById[1] = "MSG_BEAT"] = 1;
            values[valuesById[2] = "MSG_PROP"] = 2;
            values[valuesById[3] = "MSG_APP"] = 3;
            values[valuesById[4] = "MSG_APP_RESP"] = 4;
            values[valuesById[5] = "MSG_VOTE"] = 5;
            values[valuesById[6] = "MSG_VOTE_RESP"] = 6;
            values[valuesById[7] = "MSG_SNAP"] = 7;
            values[valuesById[8] = "MSG_HEARTBEAT"] = 8;
            values[valuesById[9] = "MSG_HEARTBEAT_RESP"] = 9;
            values[valuesById[10] = "MSG_UNREACHABLE"] = 10;
            values[valuesById[11] = "MSG_SNAP_STATUS"] = 11;
            values[valuesById[12] = "MSG_CHECK_QUORUM"] = 12;
            values[valuesById[13] = "MSG_TRANSFER_LEADER"] = 13;
            values[valuesById[14] = "MSG_TIMEOUT_NOW"] = 14;
            values[valuesById[15] = "MSG_READ_INDEX"] = 15;
            values[valuesById[16] = "MSG_READ_INDEX_RESP"] = 16;
            values[valuesById[17] = "MSG_PRE_VOTE"] = 17;
            values[valuesById[18] = "MSG_PRE_VOTE_RESP"] = 18;
            return values;
        })();

        raft.Message = (function() {

            /**
             * Properties of a Message.
             * @typedef {Object} mgmt.raft.Message.$Properties
             * @property {mgmt.raft.MessageType|null} [type] Message type
             * @property {number|null} [to] Message to
             * @property {number|null} [from] Message from
             * @property {number|null} [term] Message term
             * @property {number|null} [logTerm] Message logTerm
             * @property {number|null} [index] Message index
             * @property {Array.<mgmt.raft.Entry.$Properties>|null} [entries] Message entries
             * @property {number|null} [commit] Message commit
             * @property {mgmt.raft.Snapshot.$Properties|null} [snapshot] Message snapshot
             * @property {boolean|null} [reject] Message reject
             * @property {number|null} [rejectHint] Message rejectHint
             * @property {Uint8Array|null} [context] Message context
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Message.
             * @memberof mgmt.raft
             * @interface IMessage
             * @augments mgmt.raft.Message.$Properties
             * @deprecated Use mgmt.raft.Message.$Properties instead.
             */

            /**
             * Shape of a Message.
             * @typedef {mgmt.raft.Message.$Properties} mgmt.raft.Message.$Shape
             */

            /**
             * Constructs a new Message.
             * @memberof mgmt.raft
             * @classdesc Represents a Message.
             * @constructor
             * @param {mgmt.raft.Message.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Message = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Message type.
             * @member {mgmt.raft.MessageType} type
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.type = 0;

            /**
             * Message to.
             * @member {number} to
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.to = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message from.
             * @member {number} from
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.from = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message term.
             * @member {number} term
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message logTerm.
             * @member {number} logTerm
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.logTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message index.
             * @member {number} index
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message entries.
             * @member {Array.<mgmt.raft.Entry.$Properties>} entries
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.entries = $util.emptyArray;

            /**
             * Message commit.
             * @member {number} commit
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message snapshot.
             * @member {mgmt.raft.Snapshot.$Properties|null|undefined} snapshot
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.snapshot = null;

            /**
             * Message reject.
             * @member {boolean} reject
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.reject = false;

            /**
             * Message rejectHint.
             * @member {number} rejectHint
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.rejectHint = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message context.
             * @member {Uint8Array} context
             * @memberof mgmt.raft.Message
             * @instance
             */
            Message.prototype.context = $util.newBuffer([]);

            /**
             * Creates a new Message instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.Message
             * @static
             * @param {mgmt.raft.Message.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.Message} Message instance
             * @type {{
             *   (properties: mgmt.raft.Message.$Shape): mgmt.raft.Message & mgmt.raft.Message.$Shape;
             *   (properties?: mgmt.raft.Message.$Properties): mgmt.raft.Message;
             * }}
             */
            Message.create = function(properties) {
                return new Message(properties);
            };

            /**
             * Encodes the specified Message message. Does not implicitly {@link mgmt.raft.Message.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.Message
             * @static
             * @param {mgmt.raft.Message.$Properties} message Message message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
                if (message.to != null && $Object.hasOwnProperty.call(message, "to") && (typeof message.to === "object" ? message.to.low || message.to.high : message.to !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.to);
                if (message.from != null && $Object.hasOwnProperty.call(message, "from") && (typeof message.from === "object" ? message.from.low || message.from.high : message.from !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.from);
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.term);
                if (message.logTerm != null && $Object.hasOwnProperty.call(message, "logTerm") && (typeof message.logTerm === "object" ? message.logTerm.low || message.logTerm.high : message.logTerm !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.logTerm);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.index);
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.mgmt.raft.Entry.encode(message.entries[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && (typeof message.commit === "object" ? message.commit.low || message.commit.high : message.commit !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.commit);
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    $root.mgmt.raft.Snapshot.encode(message.snapshot, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject") && message.reject !== false)
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.reject);
                if (message.rejectHint != null && $Object.hasOwnProperty.call(message, "rejectHint") && (typeof message.rejectHint === "object" ? message.rejectHint.low || message.rejectHint.high : message.rejectHint !== 0))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.rejectHint);
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.context);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.Message & mgmt.raft.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.Message();
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
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.to = value;
                            else
                                delete message.to;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.from = value;
                            else
                                delete message.from;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.logTerm = value;
                            else
                                delete message.logTerm;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.mgmt.raft.Entry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commit = value;
                            else
                                delete message.commit;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.snapshot = $root.mgmt.raft.Snapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshot);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.reject = value;
                            else
                                delete message.reject;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.rejectHint = value;
                            else
                                delete message.rejectHint;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.context = value;
                            else
                                delete message.context;
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
             * Gets the type url for Message
             * @function getTypeUrl
             * @memberof mgmt.raft.Message
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Message.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.Message";
            };

            return Message;
        })();

        /**
         * ConfChangeType enum.
         * @name mgmt.raft.ConfChangeType
         * @enum {number}
         * @property {number} CONF_CHANGE_ADD_NODE=0 CONF_CHANGE_ADD_NODE value
         * @property {number} CONF_CHANGE_REMOVE_NODE=1 CONF_CHANGE_REMOVE_NODE value
         * @property {number} CONF_CHANGE_UPDATE_NODE=2 CONF_CHANGE_UPDATE_NODE value
         * @property {number} CONF_CHANGE_ADD_LEARNER_NODE=3 CONF_CHANGE_ADD_LEARNER_NODE value
         */
        raft.ConfChangeType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONF_CHANGE_ADD_NODE"] = 0;
            values[valuesById[1] = "CONF_CHANGE_REMOVE_NODE"] = 1;
            values[valuesById[2] = "CONF_CHANGE_UPDATE_NODE"] = 2;
            values[valuesById[3] = "CONF_CHANGE_ADD_LEARNER_NODE"] = 3;
            return values;
        })();

        raft.ConfChange = (function() {

            /**
             * Properties of a ConfChange.
             * @typedef {Object} mgmt.raft.ConfChange.$Properties
             * @property {mgmt.raft.ConfChangeType|null} [type] ConfChange type
             * @property {number|null} [nodeId] ConfChange nodeId
             * @property {Uint8Array|null} [context] ConfChange context
             * @property {number|null} [id] ConfChange id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfChange.
             * @memberof mgmt.raft
             * @interface IConfChange
             * @augments mgmt.raft.ConfChange.$Properties
             * @deprecated Use mgmt.raft.ConfChange.$Properties instead.
             */

            /**
             * Shape of a ConfChange.
             * @typedef {mgmt.raft.ConfChange.$Properties} mgmt.raft.ConfChange.$Shape
             */

            /**
             * Constructs a new ConfChange.
             * @memberof mgmt.raft
             * @classdesc Represents a ConfChange.
             * @constructor
             * @param {mgmt.raft.ConfChange.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfChange = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ConfChange type.
             * @member {mgmt.raft.ConfChangeType} type
             * @memberof mgmt.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.type = 0;

            /**
             * ConfChange nodeId.
             * @member {number} nodeId
             * @memberof mgmt.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.nodeId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ConfChange context.
             * @member {Uint8Array} context
             * @memberof mgmt.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.context = $util.newBuffer([]);

            /**
             * ConfChange id.
             * @member {number} id
             * @memberof mgmt.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new ConfChange instance using the specified properties.
             * @function create
             * @memberof mgmt.raft.ConfChange
             * @static
             * @param {mgmt.raft.ConfChange.$Properties=} [properties] Properties to set
             * @returns {mgmt.raft.ConfChange} ConfChange instance
             * @type {{
             *   (properties: mgmt.raft.ConfChange.$Shape): mgmt.raft.ConfChange & mgmt.raft.ConfChange.$Shape;
             *   (properties?: mgmt.raft.ConfChange.$Properties): mgmt.raft.ConfChange;
             * }}
             */
            ConfChange.create = function(properties) {
                return new ConfChange(properties);
            };

            /**
             * Encodes the specified ConfChange message. Does not implicitly {@link mgmt.raft.ConfChange.verify|verify} messages.
             * @function encode
             * @memberof mgmt.raft.ConfChange
             * @static
             * @param {mgmt.raft.ConfChange.$Properties} message ConfChange message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfChange.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && (typeof message.nodeId === "object" ? message.nodeId.low || message.nodeId.high : message.nodeId !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.nodeId);
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.context);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ConfChange message from the specified reader or buffer.
             * @function decode
             * @memberof mgmt.raft.ConfChange
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {mgmt.raft.ConfChange & mgmt.raft.ConfChange.$Shape} ConfChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfChange.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.mgmt.raft.ConfChange();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
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
             * Gets the type url for ConfChange
             * @function getTypeUrl
             * @memberof mgmt.raft.ConfChange
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConfChange.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/mgmt.raft.ConfChange";
            };

            return ConfChange;
        })();

        return raft;
    })();

    return mgmt;
})();

export {
  $root as default
};
