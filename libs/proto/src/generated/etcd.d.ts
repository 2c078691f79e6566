import * as $protobuf from "protobufjs";

/** Namespace authpb. */
export namespace authpb {

    /**
     * Properties of a UserAddOptions.
     * @deprecated Use authpb.UserAddOptions.$Properties instead.
     */
    interface IUserAddOptions extends authpb.UserAddOptions.$Properties {
    }

    /** Represents a UserAddOptions. */
    class UserAddOptions {

        /**
         * Constructs a new UserAddOptions.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.UserAddOptions.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UserAddOptions noPassword. */
        noPassword: boolean;

        /**
         * Creates a new UserAddOptions instance using the specified properties.
         * @param [properties] Properties to set
         * @returns UserAddOptions instance
         */
        static create(properties: authpb.UserAddOptions.$Shape): authpb.UserAddOptions & authpb.UserAddOptions.$Shape;
        static create(properties?: authpb.UserAddOptions.$Properties): authpb.UserAddOptions;

        /**
         * Encodes the specified UserAddOptions message. Does not implicitly {@link authpb.UserAddOptions.verify|verify} messages.
         * @param message UserAddOptions message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: authpb.UserAddOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a UserAddOptions message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {authpb.UserAddOptions & authpb.UserAddOptions.$Shape} UserAddOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.UserAddOptions & authpb.UserAddOptions.$Shape;

        /**
         * Gets the type url for UserAddOptions
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace UserAddOptions {

        /** Properties of a UserAddOptions. */
        interface $Properties {

            /** UserAddOptions noPassword */
            noPassword?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a UserAddOptions. */
        type $Shape = authpb.UserAddOptions.$Properties;
    }

    /**
     * Properties of a User.
     * @deprecated Use authpb.User.$Properties instead.
     */
    interface IUser extends authpb.User.$Properties {
    }

    /** Represents a User. */
    class User {

        /**
         * Constructs a new User.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.User.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** User name. */
        name: Uint8Array;

        /** User password. */
        password: Uint8Array;

        /** User roles. */
        roles: string[];

        /** User options. */
        options?: (authpb.UserAddOptions.$Properties|null);

        /**
         * Creates a new User instance using the specified properties.
         * @param [properties] Properties to set
         * @returns User instance
         */
        static create(properties: authpb.User.$Shape): authpb.User & authpb.User.$Shape;
        static create(properties?: authpb.User.$Properties): authpb.User;

        /**
         * Encodes the specified User message. Does not implicitly {@link authpb.User.verify|verify} messages.
         * @param message User message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: authpb.User.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a User message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {authpb.User & authpb.User.$Shape} User
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.User & authpb.User.$Shape;

        /**
         * Gets the type url for User
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace User {

        /** Properties of a User. */
        interface $Properties {

            /** User name */
            name?: (Uint8Array|null);

            /** User password */
            password?: (Uint8Array|null);

            /** User roles */
            roles?: (string[]|null);

            /** User options */
            options?: (authpb.UserAddOptions.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a User. */
        type $Shape = authpb.User.$Properties;
    }

    /**
     * Properties of a Permission.
     * @deprecated Use authpb.Permission.$Properties instead.
     */
    interface IPermission extends authpb.Permission.$Properties {
    }

    /** Represents a Permission. */
    class Permission {

        /**
         * Constructs a new Permission.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.Permission.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Permission permType. */
        permType: authpb.Permission.Type;

        /** Permission key. */
        key: Uint8Array;

        /** Permission rangeEnd. */
        rangeEnd: Uint8Array;

        /**
         * Creates a new Permission instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Permission instance
         */
        static create(properties: authpb.Permission.$Shape): authpb.Permission & authpb.Permission.$Shape;
        static create(properties?: authpb.Permission.$Properties): authpb.Permission;

        /**
         * Encodes the specified Permission message. Does not implicitly {@link authpb.Permission.verify|verify} messages.
         * @param message Permission message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: authpb.Permission.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Permission message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {authpb.Permission & authpb.Permission.$Shape} Permission
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.Permission & authpb.Permission.$Shape;

        /**
         * Gets the type url for Permission
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Permission {

        /** Properties of a Permission. */
        interface $Properties {

            /** Permission permType */
            permType?: (authpb.Permission.Type|null);

            /** Permission key */
            key?: (Uint8Array|null);

            /** Permission rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Permission. */
        type $Shape = authpb.Permission.$Properties;

        /** Type enum. */
        enum Type {

            /** READ value */
            READ = 0,

            /** WRITE value */
            WRITE = 1,

            /** READWRITE value */
            READWRITE = 2
        }
    }

    /**
     * Properties of a Role.
     * @deprecated Use authpb.Role.$Properties instead.
     */
    interface IRole extends authpb.Role.$Properties {
    }

    /** Represents a Role. */
    class Role {

        /**
         * Constructs a new Role.
         * @param [properties] Properties to set
         */
        constructor(properties?: authpb.Role.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Role name. */
        name: Uint8Array;

        /** Role keyPermission. */
        keyPermission: authpb.Permission.$Properties[];

        /**
         * Creates a new Role instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Role instance
         */
        static create(properties: authpb.Role.$Shape): authpb.Role & authpb.Role.$Shape;
        static create(properties?: authpb.Role.$Properties): authpb.Role;

        /**
         * Encodes the specified Role message. Does not implicitly {@link authpb.Role.verify|verify} messages.
         * @param message Role message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: authpb.Role.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Role message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {authpb.Role & authpb.Role.$Shape} Role
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): authpb.Role & authpb.Role.$Shape;

        /**
         * Gets the type url for Role
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Role {

        /** Properties of a Role. */
        interface $Properties {

            /** Role name */
            name?: (Uint8Array|null);

            /** Role keyPermission */
            keyPermission?: (authpb.Permission.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Role. */
        type $Shape = authpb.Role.$Properties;
    }
}

/** Namespace etcdserverpb. */
export namespace etcdserverpb {

    /** Represents an Auth */
    class Auth extends $protobuf.rpc.Service {

        /**
         * Constructs a new Auth service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Auth service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Auth;

        /** Calls AuthEnable. */
        authEnable: etcdserverpb.Auth.AuthEnable;

        /** Calls AuthDisable. */
        authDisable: etcdserverpb.Auth.AuthDisable;

        /** Calls AuthStatus. */
        authStatus: etcdserverpb.Auth.AuthStatus;

        /** Calls Authenticate. */
        authenticate: etcdserverpb.Auth.Authenticate;

        /** Calls UserAdd. */
        userAdd: etcdserverpb.Auth.UserAdd;

        /** Calls UserGet. */
        userGet: etcdserverpb.Auth.UserGet;

        /** Calls UserList. */
        userList: etcdserverpb.Auth.UserList;

        /** Calls UserDelete. */
        userDelete: etcdserverpb.Auth.UserDelete;

        /** Calls UserChangePassword. */
        userChangePassword: etcdserverpb.Auth.UserChangePassword;

        /** Calls UserGrantRole. */
        userGrantRole: etcdserverpb.Auth.UserGrantRole;

        /** Calls UserRevokeRole. */
        userRevokeRole: etcdserverpb.Auth.UserRevokeRole;

        /** Calls RoleAdd. */
        roleAdd: etcdserverpb.Auth.RoleAdd;

        /** Calls RoleGet. */
        roleGet: etcdserverpb.Auth.RoleGet;

        /** Calls RoleList. */
        roleList: etcdserverpb.Auth.RoleList;

        /** Calls RoleDelete. */
        roleDelete: etcdserverpb.Auth.RoleDelete;

        /** Calls RoleGrantPermission. */
        roleGrantPermission: etcdserverpb.Auth.RoleGrantPermission;

        /** Calls RoleRevokePermission. */
        roleRevokePermission: etcdserverpb.Auth.RoleRevokePermission;
    }

    namespace Auth {

        /**
         * Callback as used by {@link etcdserverpb.Auth#authEnable}.
         * @param error Error, if any
         * @param [response] AuthEnableResponse
         */
        type AuthEnableCallback = (error: (Error|null), response?: etcdserverpb.AuthEnableResponse) => void;

        /** Calls AuthEnable. */
        type AuthEnable = {
          (request: etcdserverpb.IAuthEnableRequest, callback: etcdserverpb.Auth.AuthEnableCallback): void;
          (request: etcdserverpb.IAuthEnableRequest): Promise<etcdserverpb.AuthEnableResponse>;
          readonly name: "AuthEnable";
          readonly path: "/etcdserverpb.Auth/AuthEnable";
          readonly requestType: "AuthEnableRequest";
          readonly responseType: "AuthEnableResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#authDisable}.
         * @param error Error, if any
         * @param [response] AuthDisableResponse
         */
        type AuthDisableCallback = (error: (Error|null), response?: etcdserverpb.AuthDisableResponse) => void;

        /** Calls AuthDisable. */
        type AuthDisable = {
          (request: etcdserverpb.IAuthDisableRequest, callback: etcdserverpb.Auth.AuthDisableCallback): void;
          (request: etcdserverpb.IAuthDisableRequest): Promise<etcdserverpb.AuthDisableResponse>;
          readonly name: "AuthDisable";
          readonly path: "/etcdserverpb.Auth/AuthDisable";
          readonly requestType: "AuthDisableRequest";
          readonly responseType: "AuthDisableResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#authStatus}.
         * @param error Error, if any
         * @param [response] AuthStatusResponse
         */
        type AuthStatusCallback = (error: (Error|null), response?: etcdserverpb.AuthStatusResponse) => void;

        /** Calls AuthStatus. */
        type AuthStatus = {
          (request: etcdserverpb.IAuthStatusRequest, callback: etcdserverpb.Auth.AuthStatusCallback): void;
          (request: etcdserverpb.IAuthStatusRequest): Promise<etcdserverpb.AuthStatusResponse>;
          readonly name: "AuthStatus";
          readonly path: "/etcdserverpb.Auth/AuthStatus";
          readonly requestType: "AuthStatusRequest";
          readonly responseType: "AuthStatusResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#authenticate}.
         * @param error Error, if any
         * @param [response] AuthenticateResponse
         */
        type AuthenticateCallback = (error: (Error|null), response?: etcdserverpb.AuthenticateResponse) => void;

        /** Calls Authenticate. */
        type Authenticate = {
          (request: etcdserverpb.IAuthenticateRequest, callback: etcdserverpb.Auth.AuthenticateCallback): void;
          (request: etcdserverpb.IAuthenticateRequest): Promise<etcdserverpb.AuthenticateResponse>;
          readonly name: "Authenticate";
          readonly path: "/etcdserverpb.Auth/Authenticate";
          readonly requestType: "AuthenticateRequest";
          readonly responseType: "AuthenticateResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userAdd}.
         * @param error Error, if any
         * @param [response] AuthUserAddResponse
         */
        type UserAddCallback = (error: (Error|null), response?: etcdserverpb.AuthUserAddResponse) => void;

        /** Calls UserAdd. */
        type UserAdd = {
          (request: etcdserverpb.IAuthUserAddRequest, callback: etcdserverpb.Auth.UserAddCallback): void;
          (request: etcdserverpb.IAuthUserAddRequest): Promise<etcdserverpb.AuthUserAddResponse>;
          readonly name: "UserAdd";
          readonly path: "/etcdserverpb.Auth/UserAdd";
          readonly requestType: "AuthUserAddRequest";
          readonly responseType: "AuthUserAddResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userGet}.
         * @param error Error, if any
         * @param [response] AuthUserGetResponse
         */
        type UserGetCallback = (error: (Error|null), response?: etcdserverpb.AuthUserGetResponse) => void;

        /** Calls UserGet. */
        type UserGet = {
          (request: etcdserverpb.IAuthUserGetRequest, callback: etcdserverpb.Auth.UserGetCallback): void;
          (request: etcdserverpb.IAuthUserGetRequest): Promise<etcdserverpb.AuthUserGetResponse>;
          readonly name: "UserGet";
          readonly path: "/etcdserverpb.Auth/UserGet";
          readonly requestType: "AuthUserGetRequest";
          readonly responseType: "AuthUserGetResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userList}.
         * @param error Error, if any
         * @param [response] AuthUserListResponse
         */
        type UserListCallback = (error: (Error|null), response?: etcdserverpb.AuthUserListResponse) => void;

        /** Calls UserList. */
        type UserList = {
          (request: etcdserverpb.IAuthUserListRequest, callback: etcdserverpb.Auth.UserListCallback): void;
          (request: etcdserverpb.IAuthUserListRequest): Promise<etcdserverpb.AuthUserListResponse>;
          readonly name: "UserList";
          readonly path: "/etcdserverpb.Auth/UserList";
          readonly requestType: "AuthUserListRequest";
          readonly responseType: "AuthUserListResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userDelete}.
         * @param error Error, if any
         * @param [response] AuthUserDeleteResponse
         */
        type UserDeleteCallback = (error: (Error|null), response?: etcdserverpb.AuthUserDeleteResponse) => void;

        /** Calls UserDelete. */
        type UserDelete = {
          (request: etcdserverpb.IAuthUserDeleteRequest, callback: etcdserverpb.Auth.UserDeleteCallback): void;
          (request: etcdserverpb.IAuthUserDeleteRequest): Promise<etcdserverpb.AuthUserDeleteResponse>;
          readonly name: "UserDelete";
          readonly path: "/etcdserverpb.Auth/UserDelete";
          readonly requestType: "AuthUserDeleteRequest";
          readonly responseType: "AuthUserDeleteResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userChangePassword}.
         * @param error Error, if any
         * @param [response] AuthUserChangePasswordResponse
         */
        type UserChangePasswordCallback = (error: (Error|null), response?: etcdserverpb.AuthUserChangePasswordResponse) => void;

        /** Calls UserChangePassword. */
        type UserChangePassword = {
          (request: etcdserverpb.IAuthUserChangePasswordRequest, callback: etcdserverpb.Auth.UserChangePasswordCallback): void;
          (request: etcdserverpb.IAuthUserChangePasswordRequest): Promise<etcdserverpb.AuthUserChangePasswordResponse>;
          readonly name: "UserChangePassword";
          readonly path: "/etcdserverpb.Auth/UserChangePassword";
          readonly requestType: "AuthUserChangePasswordRequest";
          readonly responseType: "AuthUserChangePasswordResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userGrantRole}.
         * @param error Error, if any
         * @param [response] AuthUserGrantRoleResponse
         */
        type UserGrantRoleCallback = (error: (Error|null), response?: etcdserverpb.AuthUserGrantRoleResponse) => void;

        /** Calls UserGrantRole. */
        type UserGrantRole = {
          (request: etcdserverpb.IAuthUserGrantRoleRequest, callback: etcdserverpb.Auth.UserGrantRoleCallback): void;
          (request: etcdserverpb.IAuthUserGrantRoleRequest): Promise<etcdserverpb.AuthUserGrantRoleResponse>;
          readonly name: "UserGrantRole";
          readonly path: "/etcdserverpb.Auth/UserGrantRole";
          readonly requestType: "AuthUserGrantRoleRequest";
          readonly responseType: "AuthUserGrantRoleResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#userRevokeRole}.
         * @param error Error, if any
         * @param [response] AuthUserRevokeRoleResponse
         */
        type UserRevokeRoleCallback = (error: (Error|null), response?: etcdserverpb.AuthUserRevokeRoleResponse) => void;

        /** Calls UserRevokeRole. */
        type UserRevokeRole = {
          (request: etcdserverpb.IAuthUserRevokeRoleRequest, callback: etcdserverpb.Auth.UserRevokeRoleCallback): void;
          (request: etcdserverpb.IAuthUserRevokeRoleRequest): Promise<etcdserverpb.AuthUserRevokeRoleResponse>;
          readonly name: "UserRevokeRole";
          readonly path: "/etcdserverpb.Auth/UserRevokeRole";
          readonly requestType: "AuthUserRevokeRoleRequest";
          readonly responseType: "AuthUserRevokeRoleResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleAdd}.
         * @param error Error, if any
         * @param [response] AuthRoleAddResponse
         */
        type RoleAddCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleAddResponse) => void;

        /** Calls RoleAdd. */
        type RoleAdd = {
          (request: etcdserverpb.IAuthRoleAddRequest, callback: etcdserverpb.Auth.RoleAddCallback): void;
          (request: etcdserverpb.IAuthRoleAddRequest): Promise<etcdserverpb.AuthRoleAddResponse>;
          readonly name: "RoleAdd";
          readonly path: "/etcdserverpb.Auth/RoleAdd";
          readonly requestType: "AuthRoleAddRequest";
          readonly responseType: "AuthRoleAddResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleGet}.
         * @param error Error, if any
         * @param [response] AuthRoleGetResponse
         */
        type RoleGetCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleGetResponse) => void;

        /** Calls RoleGet. */
        type RoleGet = {
          (request: etcdserverpb.IAuthRoleGetRequest, callback: etcdserverpb.Auth.RoleGetCallback): void;
          (request: etcdserverpb.IAuthRoleGetRequest): Promise<etcdserverpb.AuthRoleGetResponse>;
          readonly name: "RoleGet";
          readonly path: "/etcdserverpb.Auth/RoleGet";
          readonly requestType: "AuthRoleGetRequest";
          readonly responseType: "AuthRoleGetResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleList}.
         * @param error Error, if any
         * @param [response] AuthRoleListResponse
         */
        type RoleListCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleListResponse) => void;

        /** Calls RoleList. */
        type RoleList = {
          (request: etcdserverpb.IAuthRoleListRequest, callback: etcdserverpb.Auth.RoleListCallback): void;
          (request: etcdserverpb.IAuthRoleListRequest): Promise<etcdserverpb.AuthRoleListResponse>;
          readonly name: "RoleList";
          readonly path: "/etcdserverpb.Auth/RoleList";
          readonly requestType: "AuthRoleListRequest";
          readonly responseType: "AuthRoleListResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleDelete}.
         * @param error Error, if any
         * @param [response] AuthRoleDeleteResponse
         */
        type RoleDeleteCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleDeleteResponse) => void;

        /** Calls RoleDelete. */
        type RoleDelete = {
          (request: etcdserverpb.IAuthRoleDeleteRequest, callback: etcdserverpb.Auth.RoleDeleteCallback): void;
          (request: etcdserverpb.IAuthRoleDeleteRequest): Promise<etcdserverpb.AuthRoleDeleteResponse>;
          readonly name: "RoleDelete";
          readonly path: "/etcdserverpb.Auth/RoleDelete";
          readonly requestType: "AuthRoleDeleteRequest";
          readonly responseType: "AuthRoleDeleteResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleGrantPermission}.
         * @param error Error, if any
         * @param [response] AuthRoleGrantPermissionResponse
         */
        type RoleGrantPermissionCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleGrantPermissionResponse) => void;

        /** Calls RoleGrantPermission. */
        type RoleGrantPermission = {
          (request: etcdserverpb.IAuthRoleGrantPermissionRequest, callback: etcdserverpb.Auth.RoleGrantPermissionCallback): void;
          (request: etcdserverpb.IAuthRoleGrantPermissionRequest): Promise<etcdserverpb.AuthRoleGrantPermissionResponse>;
          readonly name: "RoleGrantPermission";
          readonly path: "/etcdserverpb.Auth/RoleGrantPermission";
          readonly requestType: "AuthRoleGrantPermissionRequest";
          readonly responseType: "AuthRoleGrantPermissionResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Auth#roleRevokePermission}.
         * @param error Error, if any
         * @param [response] AuthRoleRevokePermissionResponse
         */
        type RoleRevokePermissionCallback = (error: (Error|null), response?: etcdserverpb.AuthRoleRevokePermissionResponse) => void;

        /** Calls RoleRevokePermission. */
        type RoleRevokePermission = {
          (request: etcdserverpb.IAuthRoleRevokePermissionRequest, callback: etcdserverpb.Auth.RoleRevokePermissionCallback): void;
          (request: etcdserverpb.IAuthRoleRevokePermissionRequest): Promise<etcdserverpb.AuthRoleRevokePermissionResponse>;
          readonly name: "RoleRevokePermission";
          readonly path: "/etcdserverpb.Auth/RoleRevokePermission";
          readonly requestType: "AuthRoleRevokePermissionRequest";
          readonly responseType: "AuthRoleRevokePermissionResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of an AuthEnableRequest.
     * @deprecated Use etcdserverpb.AuthEnableRequest.$Properties instead.
     */
    interface IAuthEnableRequest extends etcdserverpb.AuthEnableRequest.$Properties {
    }

    /** Represents an AuthEnableRequest. */
    class AuthEnableRequest {

        /**
         * Constructs a new AuthEnableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthEnableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthEnableRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthEnableRequest instance
         */
        static create(properties: etcdserverpb.AuthEnableRequest.$Shape): etcdserverpb.AuthEnableRequest & etcdserverpb.AuthEnableRequest.$Shape;
        static create(properties?: etcdserverpb.AuthEnableRequest.$Properties): etcdserverpb.AuthEnableRequest;

        /**
         * Encodes the specified AuthEnableRequest message. Does not implicitly {@link etcdserverpb.AuthEnableRequest.verify|verify} messages.
         * @param message AuthEnableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthEnableRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthEnableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthEnableRequest & etcdserverpb.AuthEnableRequest.$Shape} AuthEnableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthEnableRequest & etcdserverpb.AuthEnableRequest.$Shape;

        /**
         * Gets the type url for AuthEnableRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthEnableRequest {

        /** Properties of an AuthEnableRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthEnableRequest. */
        type $Shape = etcdserverpb.AuthEnableRequest.$Properties;
    }

    /**
     * Properties of an AuthDisableRequest.
     * @deprecated Use etcdserverpb.AuthDisableRequest.$Properties instead.
     */
    interface IAuthDisableRequest extends etcdserverpb.AuthDisableRequest.$Properties {
    }

    /** Represents an AuthDisableRequest. */
    class AuthDisableRequest {

        /**
         * Constructs a new AuthDisableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthDisableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthDisableRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthDisableRequest instance
         */
        static create(properties: etcdserverpb.AuthDisableRequest.$Shape): etcdserverpb.AuthDisableRequest & etcdserverpb.AuthDisableRequest.$Shape;
        static create(properties?: etcdserverpb.AuthDisableRequest.$Properties): etcdserverpb.AuthDisableRequest;

        /**
         * Encodes the specified AuthDisableRequest message. Does not implicitly {@link etcdserverpb.AuthDisableRequest.verify|verify} messages.
         * @param message AuthDisableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthDisableRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthDisableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthDisableRequest & etcdserverpb.AuthDisableRequest.$Shape} AuthDisableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthDisableRequest & etcdserverpb.AuthDisableRequest.$Shape;

        /**
         * Gets the type url for AuthDisableRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthDisableRequest {

        /** Properties of an AuthDisableRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthDisableRequest. */
        type $Shape = etcdserverpb.AuthDisableRequest.$Properties;
    }

    /**
     * Properties of an AuthStatusRequest.
     * @deprecated Use etcdserverpb.AuthStatusRequest.$Properties instead.
     */
    interface IAuthStatusRequest extends etcdserverpb.AuthStatusRequest.$Properties {
    }

    /** Represents an AuthStatusRequest. */
    class AuthStatusRequest {

        /**
         * Constructs a new AuthStatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthStatusRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthStatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthStatusRequest instance
         */
        static create(properties: etcdserverpb.AuthStatusRequest.$Shape): etcdserverpb.AuthStatusRequest & etcdserverpb.AuthStatusRequest.$Shape;
        static create(properties?: etcdserverpb.AuthStatusRequest.$Properties): etcdserverpb.AuthStatusRequest;

        /**
         * Encodes the specified AuthStatusRequest message. Does not implicitly {@link etcdserverpb.AuthStatusRequest.verify|verify} messages.
         * @param message AuthStatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthStatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthStatusRequest & etcdserverpb.AuthStatusRequest.$Shape} AuthStatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthStatusRequest & etcdserverpb.AuthStatusRequest.$Shape;

        /**
         * Gets the type url for AuthStatusRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthStatusRequest {

        /** Properties of an AuthStatusRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthStatusRequest. */
        type $Shape = etcdserverpb.AuthStatusRequest.$Properties;
    }

    /**
     * Properties of an AuthenticateRequest.
     * @deprecated Use etcdserverpb.AuthenticateRequest.$Properties instead.
     */
    interface IAuthenticateRequest extends etcdserverpb.AuthenticateRequest.$Properties {
    }

    /** Represents an AuthenticateRequest. */
    class AuthenticateRequest {

        /**
         * Constructs a new AuthenticateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthenticateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthenticateRequest name. */
        name: string;

        /** AuthenticateRequest password. */
        password: string;

        /**
         * Creates a new AuthenticateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthenticateRequest instance
         */
        static create(properties: etcdserverpb.AuthenticateRequest.$Shape): etcdserverpb.AuthenticateRequest & etcdserverpb.AuthenticateRequest.$Shape;
        static create(properties?: etcdserverpb.AuthenticateRequest.$Properties): etcdserverpb.AuthenticateRequest;

        /**
         * Encodes the specified AuthenticateRequest message. Does not implicitly {@link etcdserverpb.AuthenticateRequest.verify|verify} messages.
         * @param message AuthenticateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthenticateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthenticateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthenticateRequest & etcdserverpb.AuthenticateRequest.$Shape} AuthenticateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthenticateRequest & etcdserverpb.AuthenticateRequest.$Shape;

        /**
         * Gets the type url for AuthenticateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthenticateRequest {

        /** Properties of an AuthenticateRequest. */
        interface $Properties {

            /** AuthenticateRequest name */
            name?: (string|null);

            /** AuthenticateRequest password */
            password?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthenticateRequest. */
        type $Shape = etcdserverpb.AuthenticateRequest.$Properties;
    }

    /**
     * Properties of an AuthUserAddRequest.
     * @deprecated Use etcdserverpb.AuthUserAddRequest.$Properties instead.
     */
    interface IAuthUserAddRequest extends etcdserverpb.AuthUserAddRequest.$Properties {
    }

    /** Represents an AuthUserAddRequest. */
    class AuthUserAddRequest {

        /**
         * Constructs a new AuthUserAddRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserAddRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserAddRequest name. */
        name: string;

        /** AuthUserAddRequest password. */
        password: string;

        /** AuthUserAddRequest options. */
        options?: (authpb.UserAddOptions.$Properties|null);

        /** AuthUserAddRequest hashedPassword. */
        hashedPassword: string;

        /**
         * Creates a new AuthUserAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserAddRequest instance
         */
        static create(properties: etcdserverpb.AuthUserAddRequest.$Shape): etcdserverpb.AuthUserAddRequest & etcdserverpb.AuthUserAddRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserAddRequest.$Properties): etcdserverpb.AuthUserAddRequest;

        /**
         * Encodes the specified AuthUserAddRequest message. Does not implicitly {@link etcdserverpb.AuthUserAddRequest.verify|verify} messages.
         * @param message AuthUserAddRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserAddRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserAddRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserAddRequest & etcdserverpb.AuthUserAddRequest.$Shape} AuthUserAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserAddRequest & etcdserverpb.AuthUserAddRequest.$Shape;

        /**
         * Gets the type url for AuthUserAddRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserAddRequest {

        /** Properties of an AuthUserAddRequest. */
        interface $Properties {

            /** AuthUserAddRequest name */
            name?: (string|null);

            /** AuthUserAddRequest password */
            password?: (string|null);

            /** AuthUserAddRequest options */
            options?: (authpb.UserAddOptions.$Properties|null);

            /** AuthUserAddRequest hashedPassword */
            hashedPassword?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserAddRequest. */
        type $Shape = etcdserverpb.AuthUserAddRequest.$Properties;
    }

    /**
     * Properties of an AuthUserGetRequest.
     * @deprecated Use etcdserverpb.AuthUserGetRequest.$Properties instead.
     */
    interface IAuthUserGetRequest extends etcdserverpb.AuthUserGetRequest.$Properties {
    }

    /** Represents an AuthUserGetRequest. */
    class AuthUserGetRequest {

        /**
         * Constructs a new AuthUserGetRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserGetRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGetRequest name. */
        name: string;

        /**
         * Creates a new AuthUserGetRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGetRequest instance
         */
        static create(properties: etcdserverpb.AuthUserGetRequest.$Shape): etcdserverpb.AuthUserGetRequest & etcdserverpb.AuthUserGetRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserGetRequest.$Properties): etcdserverpb.AuthUserGetRequest;

        /**
         * Encodes the specified AuthUserGetRequest message. Does not implicitly {@link etcdserverpb.AuthUserGetRequest.verify|verify} messages.
         * @param message AuthUserGetRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserGetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGetRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGetRequest & etcdserverpb.AuthUserGetRequest.$Shape} AuthUserGetRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGetRequest & etcdserverpb.AuthUserGetRequest.$Shape;

        /**
         * Gets the type url for AuthUserGetRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGetRequest {

        /** Properties of an AuthUserGetRequest. */
        interface $Properties {

            /** AuthUserGetRequest name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGetRequest. */
        type $Shape = etcdserverpb.AuthUserGetRequest.$Properties;
    }

    /**
     * Properties of an AuthUserDeleteRequest.
     * @deprecated Use etcdserverpb.AuthUserDeleteRequest.$Properties instead.
     */
    interface IAuthUserDeleteRequest extends etcdserverpb.AuthUserDeleteRequest.$Properties {
    }

    /** Represents an AuthUserDeleteRequest. */
    class AuthUserDeleteRequest {

        /**
         * Constructs a new AuthUserDeleteRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserDeleteRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserDeleteRequest name. */
        name: string;

        /**
         * Creates a new AuthUserDeleteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserDeleteRequest instance
         */
        static create(properties: etcdserverpb.AuthUserDeleteRequest.$Shape): etcdserverpb.AuthUserDeleteRequest & etcdserverpb.AuthUserDeleteRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserDeleteRequest.$Properties): etcdserverpb.AuthUserDeleteRequest;

        /**
         * Encodes the specified AuthUserDeleteRequest message. Does not implicitly {@link etcdserverpb.AuthUserDeleteRequest.verify|verify} messages.
         * @param message AuthUserDeleteRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserDeleteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserDeleteRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserDeleteRequest & etcdserverpb.AuthUserDeleteRequest.$Shape} AuthUserDeleteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserDeleteRequest & etcdserverpb.AuthUserDeleteRequest.$Shape;

        /**
         * Gets the type url for AuthUserDeleteRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserDeleteRequest {

        /** Properties of an AuthUserDeleteRequest. */
        interface $Properties {

            /** AuthUserDeleteRequest name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserDeleteRequest. */
        type $Shape = etcdserverpb.AuthUserDeleteRequest.$Properties;
    }

    /**
     * Properties of an AuthUserChangePasswordRequest.
     * @deprecated Use etcdserverpb.AuthUserChangePasswordRequest.$Properties instead.
     */
    interface IAuthUserChangePasswordRequest extends etcdserverpb.AuthUserChangePasswordRequest.$Properties {
    }

    /** Represents an AuthUserChangePasswordRequest. */
    class AuthUserChangePasswordRequest {

        /**
         * Constructs a new AuthUserChangePasswordRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserChangePasswordRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserChangePasswordRequest name. */
        name: string;

        /** AuthUserChangePasswordRequest password. */
        password: string;

        /** AuthUserChangePasswordRequest hashedPassword. */
        hashedPassword: string;

        /**
         * Creates a new AuthUserChangePasswordRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserChangePasswordRequest instance
         */
        static create(properties: etcdserverpb.AuthUserChangePasswordRequest.$Shape): etcdserverpb.AuthUserChangePasswordRequest & etcdserverpb.AuthUserChangePasswordRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserChangePasswordRequest.$Properties): etcdserverpb.AuthUserChangePasswordRequest;

        /**
         * Encodes the specified AuthUserChangePasswordRequest message. Does not implicitly {@link etcdserverpb.AuthUserChangePasswordRequest.verify|verify} messages.
         * @param message AuthUserChangePasswordRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserChangePasswordRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserChangePasswordRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserChangePasswordRequest & etcdserverpb.AuthUserChangePasswordRequest.$Shape} AuthUserChangePasswordRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserChangePasswordRequest & etcdserverpb.AuthUserChangePasswordRequest.$Shape;

        /**
         * Gets the type url for AuthUserChangePasswordRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserChangePasswordRequest {

        /** Properties of an AuthUserChangePasswordRequest. */
        interface $Properties {

            /** AuthUserChangePasswordRequest name */
            name?: (string|null);

            /** AuthUserChangePasswordRequest password */
            password?: (string|null);

            /** AuthUserChangePasswordRequest hashedPassword */
            hashedPassword?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserChangePasswordRequest. */
        type $Shape = etcdserverpb.AuthUserChangePasswordRequest.$Properties;
    }

    /**
     * Properties of an AuthUserGrantRoleRequest.
     * @deprecated Use etcdserverpb.AuthUserGrantRoleRequest.$Properties instead.
     */
    interface IAuthUserGrantRoleRequest extends etcdserverpb.AuthUserGrantRoleRequest.$Properties {
    }

    /** Represents an AuthUserGrantRoleRequest. */
    class AuthUserGrantRoleRequest {

        /**
         * Constructs a new AuthUserGrantRoleRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserGrantRoleRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGrantRoleRequest user. */
        user: string;

        /** AuthUserGrantRoleRequest role. */
        role: string;

        /**
         * Creates a new AuthUserGrantRoleRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGrantRoleRequest instance
         */
        static create(properties: etcdserverpb.AuthUserGrantRoleRequest.$Shape): etcdserverpb.AuthUserGrantRoleRequest & etcdserverpb.AuthUserGrantRoleRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserGrantRoleRequest.$Properties): etcdserverpb.AuthUserGrantRoleRequest;

        /**
         * Encodes the specified AuthUserGrantRoleRequest message. Does not implicitly {@link etcdserverpb.AuthUserGrantRoleRequest.verify|verify} messages.
         * @param message AuthUserGrantRoleRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserGrantRoleRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGrantRoleRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGrantRoleRequest & etcdserverpb.AuthUserGrantRoleRequest.$Shape} AuthUserGrantRoleRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGrantRoleRequest & etcdserverpb.AuthUserGrantRoleRequest.$Shape;

        /**
         * Gets the type url for AuthUserGrantRoleRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGrantRoleRequest {

        /** Properties of an AuthUserGrantRoleRequest. */
        interface $Properties {

            /** AuthUserGrantRoleRequest user */
            user?: (string|null);

            /** AuthUserGrantRoleRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGrantRoleRequest. */
        type $Shape = etcdserverpb.AuthUserGrantRoleRequest.$Properties;
    }

    /**
     * Properties of an AuthUserRevokeRoleRequest.
     * @deprecated Use etcdserverpb.AuthUserRevokeRoleRequest.$Properties instead.
     */
    interface IAuthUserRevokeRoleRequest extends etcdserverpb.AuthUserRevokeRoleRequest.$Properties {
    }

    /** Represents an AuthUserRevokeRoleRequest. */
    class AuthUserRevokeRoleRequest {

        /**
         * Constructs a new AuthUserRevokeRoleRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserRevokeRoleRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserRevokeRoleRequest name. */
        name: string;

        /** AuthUserRevokeRoleRequest role. */
        role: string;

        /**
         * Creates a new AuthUserRevokeRoleRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRevokeRoleRequest instance
         */
        static create(properties: etcdserverpb.AuthUserRevokeRoleRequest.$Shape): etcdserverpb.AuthUserRevokeRoleRequest & etcdserverpb.AuthUserRevokeRoleRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserRevokeRoleRequest.$Properties): etcdserverpb.AuthUserRevokeRoleRequest;

        /**
         * Encodes the specified AuthUserRevokeRoleRequest message. Does not implicitly {@link etcdserverpb.AuthUserRevokeRoleRequest.verify|verify} messages.
         * @param message AuthUserRevokeRoleRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserRevokeRoleRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRevokeRoleRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserRevokeRoleRequest & etcdserverpb.AuthUserRevokeRoleRequest.$Shape} AuthUserRevokeRoleRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserRevokeRoleRequest & etcdserverpb.AuthUserRevokeRoleRequest.$Shape;

        /**
         * Gets the type url for AuthUserRevokeRoleRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserRevokeRoleRequest {

        /** Properties of an AuthUserRevokeRoleRequest. */
        interface $Properties {

            /** AuthUserRevokeRoleRequest name */
            name?: (string|null);

            /** AuthUserRevokeRoleRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserRevokeRoleRequest. */
        type $Shape = etcdserverpb.AuthUserRevokeRoleRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleAddRequest.
     * @deprecated Use etcdserverpb.AuthRoleAddRequest.$Properties instead.
     */
    interface IAuthRoleAddRequest extends etcdserverpb.AuthRoleAddRequest.$Properties {
    }

    /** Represents an AuthRoleAddRequest. */
    class AuthRoleAddRequest {

        /**
         * Constructs a new AuthRoleAddRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleAddRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleAddRequest name. */
        name: string;

        /**
         * Creates a new AuthRoleAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleAddRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleAddRequest.$Shape): etcdserverpb.AuthRoleAddRequest & etcdserverpb.AuthRoleAddRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleAddRequest.$Properties): etcdserverpb.AuthRoleAddRequest;

        /**
         * Encodes the specified AuthRoleAddRequest message. Does not implicitly {@link etcdserverpb.AuthRoleAddRequest.verify|verify} messages.
         * @param message AuthRoleAddRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleAddRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleAddRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleAddRequest & etcdserverpb.AuthRoleAddRequest.$Shape} AuthRoleAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleAddRequest & etcdserverpb.AuthRoleAddRequest.$Shape;

        /**
         * Gets the type url for AuthRoleAddRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleAddRequest {

        /** Properties of an AuthRoleAddRequest. */
        interface $Properties {

            /** AuthRoleAddRequest name */
            name?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleAddRequest. */
        type $Shape = etcdserverpb.AuthRoleAddRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleGetRequest.
     * @deprecated Use etcdserverpb.AuthRoleGetRequest.$Properties instead.
     */
    interface IAuthRoleGetRequest extends etcdserverpb.AuthRoleGetRequest.$Properties {
    }

    /** Represents an AuthRoleGetRequest. */
    class AuthRoleGetRequest {

        /**
         * Constructs a new AuthRoleGetRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleGetRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGetRequest role. */
        role: string;

        /**
         * Creates a new AuthRoleGetRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGetRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleGetRequest.$Shape): etcdserverpb.AuthRoleGetRequest & etcdserverpb.AuthRoleGetRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGetRequest.$Properties): etcdserverpb.AuthRoleGetRequest;

        /**
         * Encodes the specified AuthRoleGetRequest message. Does not implicitly {@link etcdserverpb.AuthRoleGetRequest.verify|verify} messages.
         * @param message AuthRoleGetRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleGetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGetRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGetRequest & etcdserverpb.AuthRoleGetRequest.$Shape} AuthRoleGetRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGetRequest & etcdserverpb.AuthRoleGetRequest.$Shape;

        /**
         * Gets the type url for AuthRoleGetRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGetRequest {

        /** Properties of an AuthRoleGetRequest. */
        interface $Properties {

            /** AuthRoleGetRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGetRequest. */
        type $Shape = etcdserverpb.AuthRoleGetRequest.$Properties;
    }

    /**
     * Properties of an AuthUserListRequest.
     * @deprecated Use etcdserverpb.AuthUserListRequest.$Properties instead.
     */
    interface IAuthUserListRequest extends etcdserverpb.AuthUserListRequest.$Properties {
    }

    /** Represents an AuthUserListRequest. */
    class AuthUserListRequest {

        /**
         * Constructs a new AuthUserListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthUserListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserListRequest instance
         */
        static create(properties: etcdserverpb.AuthUserListRequest.$Shape): etcdserverpb.AuthUserListRequest & etcdserverpb.AuthUserListRequest.$Shape;
        static create(properties?: etcdserverpb.AuthUserListRequest.$Properties): etcdserverpb.AuthUserListRequest;

        /**
         * Encodes the specified AuthUserListRequest message. Does not implicitly {@link etcdserverpb.AuthUserListRequest.verify|verify} messages.
         * @param message AuthUserListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserListRequest & etcdserverpb.AuthUserListRequest.$Shape} AuthUserListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserListRequest & etcdserverpb.AuthUserListRequest.$Shape;

        /**
         * Gets the type url for AuthUserListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserListRequest {

        /** Properties of an AuthUserListRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserListRequest. */
        type $Shape = etcdserverpb.AuthUserListRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleListRequest.
     * @deprecated Use etcdserverpb.AuthRoleListRequest.$Properties instead.
     */
    interface IAuthRoleListRequest extends etcdserverpb.AuthRoleListRequest.$Properties {
    }

    /** Represents an AuthRoleListRequest. */
    class AuthRoleListRequest {

        /**
         * Constructs a new AuthRoleListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new AuthRoleListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleListRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleListRequest.$Shape): etcdserverpb.AuthRoleListRequest & etcdserverpb.AuthRoleListRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleListRequest.$Properties): etcdserverpb.AuthRoleListRequest;

        /**
         * Encodes the specified AuthRoleListRequest message. Does not implicitly {@link etcdserverpb.AuthRoleListRequest.verify|verify} messages.
         * @param message AuthRoleListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleListRequest & etcdserverpb.AuthRoleListRequest.$Shape} AuthRoleListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleListRequest & etcdserverpb.AuthRoleListRequest.$Shape;

        /**
         * Gets the type url for AuthRoleListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleListRequest {

        /** Properties of an AuthRoleListRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleListRequest. */
        type $Shape = etcdserverpb.AuthRoleListRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleDeleteRequest.
     * @deprecated Use etcdserverpb.AuthRoleDeleteRequest.$Properties instead.
     */
    interface IAuthRoleDeleteRequest extends etcdserverpb.AuthRoleDeleteRequest.$Properties {
    }

    /** Represents an AuthRoleDeleteRequest. */
    class AuthRoleDeleteRequest {

        /**
         * Constructs a new AuthRoleDeleteRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleDeleteRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleDeleteRequest role. */
        role: string;

        /**
         * Creates a new AuthRoleDeleteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleDeleteRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleDeleteRequest.$Shape): etcdserverpb.AuthRoleDeleteRequest & etcdserverpb.AuthRoleDeleteRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleDeleteRequest.$Properties): etcdserverpb.AuthRoleDeleteRequest;

        /**
         * Encodes the specified AuthRoleDeleteRequest message. Does not implicitly {@link etcdserverpb.AuthRoleDeleteRequest.verify|verify} messages.
         * @param message AuthRoleDeleteRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleDeleteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleDeleteRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleDeleteRequest & etcdserverpb.AuthRoleDeleteRequest.$Shape} AuthRoleDeleteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleDeleteRequest & etcdserverpb.AuthRoleDeleteRequest.$Shape;

        /**
         * Gets the type url for AuthRoleDeleteRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleDeleteRequest {

        /** Properties of an AuthRoleDeleteRequest. */
        interface $Properties {

            /** AuthRoleDeleteRequest role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleDeleteRequest. */
        type $Shape = etcdserverpb.AuthRoleDeleteRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleGrantPermissionRequest.
     * @deprecated Use etcdserverpb.AuthRoleGrantPermissionRequest.$Properties instead.
     */
    interface IAuthRoleGrantPermissionRequest extends etcdserverpb.AuthRoleGrantPermissionRequest.$Properties {
    }

    /** Represents an AuthRoleGrantPermissionRequest. */
    class AuthRoleGrantPermissionRequest {

        /**
         * Constructs a new AuthRoleGrantPermissionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleGrantPermissionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGrantPermissionRequest name. */
        name: string;

        /** AuthRoleGrantPermissionRequest perm. */
        perm?: (authpb.Permission.$Properties|null);

        /**
         * Creates a new AuthRoleGrantPermissionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGrantPermissionRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleGrantPermissionRequest.$Shape): etcdserverpb.AuthRoleGrantPermissionRequest & etcdserverpb.AuthRoleGrantPermissionRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGrantPermissionRequest.$Properties): etcdserverpb.AuthRoleGrantPermissionRequest;

        /**
         * Encodes the specified AuthRoleGrantPermissionRequest message. Does not implicitly {@link etcdserverpb.AuthRoleGrantPermissionRequest.verify|verify} messages.
         * @param message AuthRoleGrantPermissionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleGrantPermissionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGrantPermissionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGrantPermissionRequest & etcdserverpb.AuthRoleGrantPermissionRequest.$Shape} AuthRoleGrantPermissionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGrantPermissionRequest & etcdserverpb.AuthRoleGrantPermissionRequest.$Shape;

        /**
         * Gets the type url for AuthRoleGrantPermissionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGrantPermissionRequest {

        /** Properties of an AuthRoleGrantPermissionRequest. */
        interface $Properties {

            /** AuthRoleGrantPermissionRequest name */
            name?: (string|null);

            /** AuthRoleGrantPermissionRequest perm */
            perm?: (authpb.Permission.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGrantPermissionRequest. */
        type $Shape = etcdserverpb.AuthRoleGrantPermissionRequest.$Properties;
    }

    /**
     * Properties of an AuthRoleRevokePermissionRequest.
     * @deprecated Use etcdserverpb.AuthRoleRevokePermissionRequest.$Properties instead.
     */
    interface IAuthRoleRevokePermissionRequest extends etcdserverpb.AuthRoleRevokePermissionRequest.$Properties {
    }

    /** Represents an AuthRoleRevokePermissionRequest. */
    class AuthRoleRevokePermissionRequest {

        /**
         * Constructs a new AuthRoleRevokePermissionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleRevokePermissionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleRevokePermissionRequest role. */
        role: string;

        /** AuthRoleRevokePermissionRequest key. */
        key: Uint8Array;

        /** AuthRoleRevokePermissionRequest rangeEnd. */
        rangeEnd: Uint8Array;

        /**
         * Creates a new AuthRoleRevokePermissionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleRevokePermissionRequest instance
         */
        static create(properties: etcdserverpb.AuthRoleRevokePermissionRequest.$Shape): etcdserverpb.AuthRoleRevokePermissionRequest & etcdserverpb.AuthRoleRevokePermissionRequest.$Shape;
        static create(properties?: etcdserverpb.AuthRoleRevokePermissionRequest.$Properties): etcdserverpb.AuthRoleRevokePermissionRequest;

        /**
         * Encodes the specified AuthRoleRevokePermissionRequest message. Does not implicitly {@link etcdserverpb.AuthRoleRevokePermissionRequest.verify|verify} messages.
         * @param message AuthRoleRevokePermissionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleRevokePermissionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleRevokePermissionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleRevokePermissionRequest & etcdserverpb.AuthRoleRevokePermissionRequest.$Shape} AuthRoleRevokePermissionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleRevokePermissionRequest & etcdserverpb.AuthRoleRevokePermissionRequest.$Shape;

        /**
         * Gets the type url for AuthRoleRevokePermissionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleRevokePermissionRequest {

        /** Properties of an AuthRoleRevokePermissionRequest. */
        interface $Properties {

            /** AuthRoleRevokePermissionRequest role */
            role?: (string|null);

            /** AuthRoleRevokePermissionRequest key */
            key?: (Uint8Array|null);

            /** AuthRoleRevokePermissionRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleRevokePermissionRequest. */
        type $Shape = etcdserverpb.AuthRoleRevokePermissionRequest.$Properties;
    }

    /**
     * Properties of an AuthEnableResponse.
     * @deprecated Use etcdserverpb.AuthEnableResponse.$Properties instead.
     */
    interface IAuthEnableResponse extends etcdserverpb.AuthEnableResponse.$Properties {
    }

    /** Represents an AuthEnableResponse. */
    class AuthEnableResponse {

        /**
         * Constructs a new AuthEnableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthEnableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthEnableResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthEnableResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthEnableResponse instance
         */
        static create(properties: etcdserverpb.AuthEnableResponse.$Shape): etcdserverpb.AuthEnableResponse & etcdserverpb.AuthEnableResponse.$Shape;
        static create(properties?: etcdserverpb.AuthEnableResponse.$Properties): etcdserverpb.AuthEnableResponse;

        /**
         * Encodes the specified AuthEnableResponse message. Does not implicitly {@link etcdserverpb.AuthEnableResponse.verify|verify} messages.
         * @param message AuthEnableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthEnableResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthEnableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthEnableResponse & etcdserverpb.AuthEnableResponse.$Shape} AuthEnableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthEnableResponse & etcdserverpb.AuthEnableResponse.$Shape;

        /**
         * Gets the type url for AuthEnableResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthEnableResponse {

        /** Properties of an AuthEnableResponse. */
        interface $Properties {

            /** AuthEnableResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthEnableResponse. */
        type $Shape = etcdserverpb.AuthEnableResponse.$Properties;
    }

    /**
     * Properties of an AuthDisableResponse.
     * @deprecated Use etcdserverpb.AuthDisableResponse.$Properties instead.
     */
    interface IAuthDisableResponse extends etcdserverpb.AuthDisableResponse.$Properties {
    }

    /** Represents an AuthDisableResponse. */
    class AuthDisableResponse {

        /**
         * Constructs a new AuthDisableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthDisableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthDisableResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthDisableResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthDisableResponse instance
         */
        static create(properties: etcdserverpb.AuthDisableResponse.$Shape): etcdserverpb.AuthDisableResponse & etcdserverpb.AuthDisableResponse.$Shape;
        static create(properties?: etcdserverpb.AuthDisableResponse.$Properties): etcdserverpb.AuthDisableResponse;

        /**
         * Encodes the specified AuthDisableResponse message. Does not implicitly {@link etcdserverpb.AuthDisableResponse.verify|verify} messages.
         * @param message AuthDisableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthDisableResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthDisableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthDisableResponse & etcdserverpb.AuthDisableResponse.$Shape} AuthDisableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthDisableResponse & etcdserverpb.AuthDisableResponse.$Shape;

        /**
         * Gets the type url for AuthDisableResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthDisableResponse {

        /** Properties of an AuthDisableResponse. */
        interface $Properties {

            /** AuthDisableResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthDisableResponse. */
        type $Shape = etcdserverpb.AuthDisableResponse.$Properties;
    }

    /**
     * Properties of an AuthStatusResponse.
     * @deprecated Use etcdserverpb.AuthStatusResponse.$Properties instead.
     */
    interface IAuthStatusResponse extends etcdserverpb.AuthStatusResponse.$Properties {
    }

    /** Represents an AuthStatusResponse. */
    class AuthStatusResponse {

        /**
         * Constructs a new AuthStatusResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthStatusResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthStatusResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthStatusResponse enabled. */
        enabled: boolean;

        /** AuthStatusResponse authRevision. */
        authRevision: number;

        /**
         * Creates a new AuthStatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthStatusResponse instance
         */
        static create(properties: etcdserverpb.AuthStatusResponse.$Shape): etcdserverpb.AuthStatusResponse & etcdserverpb.AuthStatusResponse.$Shape;
        static create(properties?: etcdserverpb.AuthStatusResponse.$Properties): etcdserverpb.AuthStatusResponse;

        /**
         * Encodes the specified AuthStatusResponse message. Does not implicitly {@link etcdserverpb.AuthStatusResponse.verify|verify} messages.
         * @param message AuthStatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthStatusResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthStatusResponse & etcdserverpb.AuthStatusResponse.$Shape} AuthStatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthStatusResponse & etcdserverpb.AuthStatusResponse.$Shape;

        /**
         * Gets the type url for AuthStatusResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthStatusResponse {

        /** Properties of an AuthStatusResponse. */
        interface $Properties {

            /** AuthStatusResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthStatusResponse enabled */
            enabled?: (boolean|null);

            /** AuthStatusResponse authRevision */
            authRevision?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthStatusResponse. */
        type $Shape = etcdserverpb.AuthStatusResponse.$Properties;
    }

    /**
     * Properties of an AuthenticateResponse.
     * @deprecated Use etcdserverpb.AuthenticateResponse.$Properties instead.
     */
    interface IAuthenticateResponse extends etcdserverpb.AuthenticateResponse.$Properties {
    }

    /** Represents an AuthenticateResponse. */
    class AuthenticateResponse {

        /**
         * Constructs a new AuthenticateResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthenticateResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthenticateResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthenticateResponse token. */
        token: string;

        /**
         * Creates a new AuthenticateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthenticateResponse instance
         */
        static create(properties: etcdserverpb.AuthenticateResponse.$Shape): etcdserverpb.AuthenticateResponse & etcdserverpb.AuthenticateResponse.$Shape;
        static create(properties?: etcdserverpb.AuthenticateResponse.$Properties): etcdserverpb.AuthenticateResponse;

        /**
         * Encodes the specified AuthenticateResponse message. Does not implicitly {@link etcdserverpb.AuthenticateResponse.verify|verify} messages.
         * @param message AuthenticateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthenticateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthenticateResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthenticateResponse & etcdserverpb.AuthenticateResponse.$Shape} AuthenticateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthenticateResponse & etcdserverpb.AuthenticateResponse.$Shape;

        /**
         * Gets the type url for AuthenticateResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthenticateResponse {

        /** Properties of an AuthenticateResponse. */
        interface $Properties {

            /** AuthenticateResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthenticateResponse token */
            token?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthenticateResponse. */
        type $Shape = etcdserverpb.AuthenticateResponse.$Properties;
    }

    /**
     * Properties of an AuthUserAddResponse.
     * @deprecated Use etcdserverpb.AuthUserAddResponse.$Properties instead.
     */
    interface IAuthUserAddResponse extends etcdserverpb.AuthUserAddResponse.$Properties {
    }

    /** Represents an AuthUserAddResponse. */
    class AuthUserAddResponse {

        /**
         * Constructs a new AuthUserAddResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserAddResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserAddResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserAddResponse instance
         */
        static create(properties: etcdserverpb.AuthUserAddResponse.$Shape): etcdserverpb.AuthUserAddResponse & etcdserverpb.AuthUserAddResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserAddResponse.$Properties): etcdserverpb.AuthUserAddResponse;

        /**
         * Encodes the specified AuthUserAddResponse message. Does not implicitly {@link etcdserverpb.AuthUserAddResponse.verify|verify} messages.
         * @param message AuthUserAddResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserAddResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserAddResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserAddResponse & etcdserverpb.AuthUserAddResponse.$Shape} AuthUserAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserAddResponse & etcdserverpb.AuthUserAddResponse.$Shape;

        /**
         * Gets the type url for AuthUserAddResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserAddResponse {

        /** Properties of an AuthUserAddResponse. */
        interface $Properties {

            /** AuthUserAddResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserAddResponse. */
        type $Shape = etcdserverpb.AuthUserAddResponse.$Properties;
    }

    /**
     * Properties of an AuthUserGetResponse.
     * @deprecated Use etcdserverpb.AuthUserGetResponse.$Properties instead.
     */
    interface IAuthUserGetResponse extends etcdserverpb.AuthUserGetResponse.$Properties {
    }

    /** Represents an AuthUserGetResponse. */
    class AuthUserGetResponse {

        /**
         * Constructs a new AuthUserGetResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserGetResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGetResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthUserGetResponse roles. */
        roles: string[];

        /**
         * Creates a new AuthUserGetResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGetResponse instance
         */
        static create(properties: etcdserverpb.AuthUserGetResponse.$Shape): etcdserverpb.AuthUserGetResponse & etcdserverpb.AuthUserGetResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserGetResponse.$Properties): etcdserverpb.AuthUserGetResponse;

        /**
         * Encodes the specified AuthUserGetResponse message. Does not implicitly {@link etcdserverpb.AuthUserGetResponse.verify|verify} messages.
         * @param message AuthUserGetResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserGetResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGetResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGetResponse & etcdserverpb.AuthUserGetResponse.$Shape} AuthUserGetResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGetResponse & etcdserverpb.AuthUserGetResponse.$Shape;

        /**
         * Gets the type url for AuthUserGetResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGetResponse {

        /** Properties of an AuthUserGetResponse. */
        interface $Properties {

            /** AuthUserGetResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthUserGetResponse roles */
            roles?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGetResponse. */
        type $Shape = etcdserverpb.AuthUserGetResponse.$Properties;
    }

    /**
     * Properties of an AuthUserDeleteResponse.
     * @deprecated Use etcdserverpb.AuthUserDeleteResponse.$Properties instead.
     */
    interface IAuthUserDeleteResponse extends etcdserverpb.AuthUserDeleteResponse.$Properties {
    }

    /** Represents an AuthUserDeleteResponse. */
    class AuthUserDeleteResponse {

        /**
         * Constructs a new AuthUserDeleteResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserDeleteResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserDeleteResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserDeleteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserDeleteResponse instance
         */
        static create(properties: etcdserverpb.AuthUserDeleteResponse.$Shape): etcdserverpb.AuthUserDeleteResponse & etcdserverpb.AuthUserDeleteResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserDeleteResponse.$Properties): etcdserverpb.AuthUserDeleteResponse;

        /**
         * Encodes the specified AuthUserDeleteResponse message. Does not implicitly {@link etcdserverpb.AuthUserDeleteResponse.verify|verify} messages.
         * @param message AuthUserDeleteResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserDeleteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserDeleteResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserDeleteResponse & etcdserverpb.AuthUserDeleteResponse.$Shape} AuthUserDeleteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserDeleteResponse & etcdserverpb.AuthUserDeleteResponse.$Shape;

        /**
         * Gets the type url for AuthUserDeleteResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserDeleteResponse {

        /** Properties of an AuthUserDeleteResponse. */
        interface $Properties {

            /** AuthUserDeleteResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserDeleteResponse. */
        type $Shape = etcdserverpb.AuthUserDeleteResponse.$Properties;
    }

    /**
     * Properties of an AuthUserChangePasswordResponse.
     * @deprecated Use etcdserverpb.AuthUserChangePasswordResponse.$Properties instead.
     */
    interface IAuthUserChangePasswordResponse extends etcdserverpb.AuthUserChangePasswordResponse.$Properties {
    }

    /** Represents an AuthUserChangePasswordResponse. */
    class AuthUserChangePasswordResponse {

        /**
         * Constructs a new AuthUserChangePasswordResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserChangePasswordResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserChangePasswordResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserChangePasswordResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserChangePasswordResponse instance
         */
        static create(properties: etcdserverpb.AuthUserChangePasswordResponse.$Shape): etcdserverpb.AuthUserChangePasswordResponse & etcdserverpb.AuthUserChangePasswordResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserChangePasswordResponse.$Properties): etcdserverpb.AuthUserChangePasswordResponse;

        /**
         * Encodes the specified AuthUserChangePasswordResponse message. Does not implicitly {@link etcdserverpb.AuthUserChangePasswordResponse.verify|verify} messages.
         * @param message AuthUserChangePasswordResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserChangePasswordResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserChangePasswordResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserChangePasswordResponse & etcdserverpb.AuthUserChangePasswordResponse.$Shape} AuthUserChangePasswordResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserChangePasswordResponse & etcdserverpb.AuthUserChangePasswordResponse.$Shape;

        /**
         * Gets the type url for AuthUserChangePasswordResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserChangePasswordResponse {

        /** Properties of an AuthUserChangePasswordResponse. */
        interface $Properties {

            /** AuthUserChangePasswordResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserChangePasswordResponse. */
        type $Shape = etcdserverpb.AuthUserChangePasswordResponse.$Properties;
    }

    /**
     * Properties of an AuthUserGrantRoleResponse.
     * @deprecated Use etcdserverpb.AuthUserGrantRoleResponse.$Properties instead.
     */
    interface IAuthUserGrantRoleResponse extends etcdserverpb.AuthUserGrantRoleResponse.$Properties {
    }

    /** Represents an AuthUserGrantRoleResponse. */
    class AuthUserGrantRoleResponse {

        /**
         * Constructs a new AuthUserGrantRoleResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserGrantRoleResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserGrantRoleResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserGrantRoleResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserGrantRoleResponse instance
         */
        static create(properties: etcdserverpb.AuthUserGrantRoleResponse.$Shape): etcdserverpb.AuthUserGrantRoleResponse & etcdserverpb.AuthUserGrantRoleResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserGrantRoleResponse.$Properties): etcdserverpb.AuthUserGrantRoleResponse;

        /**
         * Encodes the specified AuthUserGrantRoleResponse message. Does not implicitly {@link etcdserverpb.AuthUserGrantRoleResponse.verify|verify} messages.
         * @param message AuthUserGrantRoleResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserGrantRoleResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserGrantRoleResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserGrantRoleResponse & etcdserverpb.AuthUserGrantRoleResponse.$Shape} AuthUserGrantRoleResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserGrantRoleResponse & etcdserverpb.AuthUserGrantRoleResponse.$Shape;

        /**
         * Gets the type url for AuthUserGrantRoleResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserGrantRoleResponse {

        /** Properties of an AuthUserGrantRoleResponse. */
        interface $Properties {

            /** AuthUserGrantRoleResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserGrantRoleResponse. */
        type $Shape = etcdserverpb.AuthUserGrantRoleResponse.$Properties;
    }

    /**
     * Properties of an AuthUserRevokeRoleResponse.
     * @deprecated Use etcdserverpb.AuthUserRevokeRoleResponse.$Properties instead.
     */
    interface IAuthUserRevokeRoleResponse extends etcdserverpb.AuthUserRevokeRoleResponse.$Properties {
    }

    /** Represents an AuthUserRevokeRoleResponse. */
    class AuthUserRevokeRoleResponse {

        /**
         * Constructs a new AuthUserRevokeRoleResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserRevokeRoleResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserRevokeRoleResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthUserRevokeRoleResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRevokeRoleResponse instance
         */
        static create(properties: etcdserverpb.AuthUserRevokeRoleResponse.$Shape): etcdserverpb.AuthUserRevokeRoleResponse & etcdserverpb.AuthUserRevokeRoleResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserRevokeRoleResponse.$Properties): etcdserverpb.AuthUserRevokeRoleResponse;

        /**
         * Encodes the specified AuthUserRevokeRoleResponse message. Does not implicitly {@link etcdserverpb.AuthUserRevokeRoleResponse.verify|verify} messages.
         * @param message AuthUserRevokeRoleResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserRevokeRoleResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRevokeRoleResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserRevokeRoleResponse & etcdserverpb.AuthUserRevokeRoleResponse.$Shape} AuthUserRevokeRoleResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserRevokeRoleResponse & etcdserverpb.AuthUserRevokeRoleResponse.$Shape;

        /**
         * Gets the type url for AuthUserRevokeRoleResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserRevokeRoleResponse {

        /** Properties of an AuthUserRevokeRoleResponse. */
        interface $Properties {

            /** AuthUserRevokeRoleResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserRevokeRoleResponse. */
        type $Shape = etcdserverpb.AuthUserRevokeRoleResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleAddResponse.
     * @deprecated Use etcdserverpb.AuthRoleAddResponse.$Properties instead.
     */
    interface IAuthRoleAddResponse extends etcdserverpb.AuthRoleAddResponse.$Properties {
    }

    /** Represents an AuthRoleAddResponse. */
    class AuthRoleAddResponse {

        /**
         * Constructs a new AuthRoleAddResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleAddResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleAddResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleAddResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleAddResponse.$Shape): etcdserverpb.AuthRoleAddResponse & etcdserverpb.AuthRoleAddResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleAddResponse.$Properties): etcdserverpb.AuthRoleAddResponse;

        /**
         * Encodes the specified AuthRoleAddResponse message. Does not implicitly {@link etcdserverpb.AuthRoleAddResponse.verify|verify} messages.
         * @param message AuthRoleAddResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleAddResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleAddResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleAddResponse & etcdserverpb.AuthRoleAddResponse.$Shape} AuthRoleAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleAddResponse & etcdserverpb.AuthRoleAddResponse.$Shape;

        /**
         * Gets the type url for AuthRoleAddResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleAddResponse {

        /** Properties of an AuthRoleAddResponse. */
        interface $Properties {

            /** AuthRoleAddResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleAddResponse. */
        type $Shape = etcdserverpb.AuthRoleAddResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleGetResponse.
     * @deprecated Use etcdserverpb.AuthRoleGetResponse.$Properties instead.
     */
    interface IAuthRoleGetResponse extends etcdserverpb.AuthRoleGetResponse.$Properties {
    }

    /** Represents an AuthRoleGetResponse. */
    class AuthRoleGetResponse {

        /**
         * Constructs a new AuthRoleGetResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleGetResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGetResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthRoleGetResponse perm. */
        perm: authpb.Permission.$Properties[];

        /**
         * Creates a new AuthRoleGetResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGetResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleGetResponse.$Shape): etcdserverpb.AuthRoleGetResponse & etcdserverpb.AuthRoleGetResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGetResponse.$Properties): etcdserverpb.AuthRoleGetResponse;

        /**
         * Encodes the specified AuthRoleGetResponse message. Does not implicitly {@link etcdserverpb.AuthRoleGetResponse.verify|verify} messages.
         * @param message AuthRoleGetResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleGetResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGetResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGetResponse & etcdserverpb.AuthRoleGetResponse.$Shape} AuthRoleGetResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGetResponse & etcdserverpb.AuthRoleGetResponse.$Shape;

        /**
         * Gets the type url for AuthRoleGetResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGetResponse {

        /** Properties of an AuthRoleGetResponse. */
        interface $Properties {

            /** AuthRoleGetResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthRoleGetResponse perm */
            perm?: (authpb.Permission.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGetResponse. */
        type $Shape = etcdserverpb.AuthRoleGetResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleListResponse.
     * @deprecated Use etcdserverpb.AuthRoleListResponse.$Properties instead.
     */
    interface IAuthRoleListResponse extends etcdserverpb.AuthRoleListResponse.$Properties {
    }

    /** Represents an AuthRoleListResponse. */
    class AuthRoleListResponse {

        /**
         * Constructs a new AuthRoleListResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleListResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleListResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthRoleListResponse roles. */
        roles: string[];

        /**
         * Creates a new AuthRoleListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleListResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleListResponse.$Shape): etcdserverpb.AuthRoleListResponse & etcdserverpb.AuthRoleListResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleListResponse.$Properties): etcdserverpb.AuthRoleListResponse;

        /**
         * Encodes the specified AuthRoleListResponse message. Does not implicitly {@link etcdserverpb.AuthRoleListResponse.verify|verify} messages.
         * @param message AuthRoleListResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleListResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleListResponse & etcdserverpb.AuthRoleListResponse.$Shape} AuthRoleListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleListResponse & etcdserverpb.AuthRoleListResponse.$Shape;

        /**
         * Gets the type url for AuthRoleListResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleListResponse {

        /** Properties of an AuthRoleListResponse. */
        interface $Properties {

            /** AuthRoleListResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthRoleListResponse roles */
            roles?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleListResponse. */
        type $Shape = etcdserverpb.AuthRoleListResponse.$Properties;
    }

    /**
     * Properties of an AuthUserListResponse.
     * @deprecated Use etcdserverpb.AuthUserListResponse.$Properties instead.
     */
    interface IAuthUserListResponse extends etcdserverpb.AuthUserListResponse.$Properties {
    }

    /** Represents an AuthUserListResponse. */
    class AuthUserListResponse {

        /**
         * Constructs a new AuthUserListResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthUserListResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserListResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AuthUserListResponse users. */
        users: string[];

        /**
         * Creates a new AuthUserListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserListResponse instance
         */
        static create(properties: etcdserverpb.AuthUserListResponse.$Shape): etcdserverpb.AuthUserListResponse & etcdserverpb.AuthUserListResponse.$Shape;
        static create(properties?: etcdserverpb.AuthUserListResponse.$Properties): etcdserverpb.AuthUserListResponse;

        /**
         * Encodes the specified AuthUserListResponse message. Does not implicitly {@link etcdserverpb.AuthUserListResponse.verify|verify} messages.
         * @param message AuthUserListResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthUserListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserListResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthUserListResponse & etcdserverpb.AuthUserListResponse.$Shape} AuthUserListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthUserListResponse & etcdserverpb.AuthUserListResponse.$Shape;

        /**
         * Gets the type url for AuthUserListResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserListResponse {

        /** Properties of an AuthUserListResponse. */
        interface $Properties {

            /** AuthUserListResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AuthUserListResponse users */
            users?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserListResponse. */
        type $Shape = etcdserverpb.AuthUserListResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleDeleteResponse.
     * @deprecated Use etcdserverpb.AuthRoleDeleteResponse.$Properties instead.
     */
    interface IAuthRoleDeleteResponse extends etcdserverpb.AuthRoleDeleteResponse.$Properties {
    }

    /** Represents an AuthRoleDeleteResponse. */
    class AuthRoleDeleteResponse {

        /**
         * Constructs a new AuthRoleDeleteResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleDeleteResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleDeleteResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleDeleteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleDeleteResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleDeleteResponse.$Shape): etcdserverpb.AuthRoleDeleteResponse & etcdserverpb.AuthRoleDeleteResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleDeleteResponse.$Properties): etcdserverpb.AuthRoleDeleteResponse;

        /**
         * Encodes the specified AuthRoleDeleteResponse message. Does not implicitly {@link etcdserverpb.AuthRoleDeleteResponse.verify|verify} messages.
         * @param message AuthRoleDeleteResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleDeleteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleDeleteResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleDeleteResponse & etcdserverpb.AuthRoleDeleteResponse.$Shape} AuthRoleDeleteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleDeleteResponse & etcdserverpb.AuthRoleDeleteResponse.$Shape;

        /**
         * Gets the type url for AuthRoleDeleteResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleDeleteResponse {

        /** Properties of an AuthRoleDeleteResponse. */
        interface $Properties {

            /** AuthRoleDeleteResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleDeleteResponse. */
        type $Shape = etcdserverpb.AuthRoleDeleteResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleGrantPermissionResponse.
     * @deprecated Use etcdserverpb.AuthRoleGrantPermissionResponse.$Properties instead.
     */
    interface IAuthRoleGrantPermissionResponse extends etcdserverpb.AuthRoleGrantPermissionResponse.$Properties {
    }

    /** Represents an AuthRoleGrantPermissionResponse. */
    class AuthRoleGrantPermissionResponse {

        /**
         * Constructs a new AuthRoleGrantPermissionResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleGrantPermissionResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleGrantPermissionResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleGrantPermissionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleGrantPermissionResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleGrantPermissionResponse.$Shape): etcdserverpb.AuthRoleGrantPermissionResponse & etcdserverpb.AuthRoleGrantPermissionResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleGrantPermissionResponse.$Properties): etcdserverpb.AuthRoleGrantPermissionResponse;

        /**
         * Encodes the specified AuthRoleGrantPermissionResponse message. Does not implicitly {@link etcdserverpb.AuthRoleGrantPermissionResponse.verify|verify} messages.
         * @param message AuthRoleGrantPermissionResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleGrantPermissionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleGrantPermissionResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleGrantPermissionResponse & etcdserverpb.AuthRoleGrantPermissionResponse.$Shape} AuthRoleGrantPermissionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleGrantPermissionResponse & etcdserverpb.AuthRoleGrantPermissionResponse.$Shape;

        /**
         * Gets the type url for AuthRoleGrantPermissionResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleGrantPermissionResponse {

        /** Properties of an AuthRoleGrantPermissionResponse. */
        interface $Properties {

            /** AuthRoleGrantPermissionResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleGrantPermissionResponse. */
        type $Shape = etcdserverpb.AuthRoleGrantPermissionResponse.$Properties;
    }

    /**
     * Properties of an AuthRoleRevokePermissionResponse.
     * @deprecated Use etcdserverpb.AuthRoleRevokePermissionResponse.$Properties instead.
     */
    interface IAuthRoleRevokePermissionResponse extends etcdserverpb.AuthRoleRevokePermissionResponse.$Properties {
    }

    /** Represents an AuthRoleRevokePermissionResponse. */
    class AuthRoleRevokePermissionResponse {

        /**
         * Constructs a new AuthRoleRevokePermissionResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AuthRoleRevokePermissionResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRoleRevokePermissionResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new AuthRoleRevokePermissionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRoleRevokePermissionResponse instance
         */
        static create(properties: etcdserverpb.AuthRoleRevokePermissionResponse.$Shape): etcdserverpb.AuthRoleRevokePermissionResponse & etcdserverpb.AuthRoleRevokePermissionResponse.$Shape;
        static create(properties?: etcdserverpb.AuthRoleRevokePermissionResponse.$Properties): etcdserverpb.AuthRoleRevokePermissionResponse;

        /**
         * Encodes the specified AuthRoleRevokePermissionResponse message. Does not implicitly {@link etcdserverpb.AuthRoleRevokePermissionResponse.verify|verify} messages.
         * @param message AuthRoleRevokePermissionResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AuthRoleRevokePermissionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRoleRevokePermissionResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AuthRoleRevokePermissionResponse & etcdserverpb.AuthRoleRevokePermissionResponse.$Shape} AuthRoleRevokePermissionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AuthRoleRevokePermissionResponse & etcdserverpb.AuthRoleRevokePermissionResponse.$Shape;

        /**
         * Gets the type url for AuthRoleRevokePermissionResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRoleRevokePermissionResponse {

        /** Properties of an AuthRoleRevokePermissionResponse. */
        interface $Properties {

            /** AuthRoleRevokePermissionResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthRoleRevokePermissionResponse. */
        type $Shape = etcdserverpb.AuthRoleRevokePermissionResponse.$Properties;
    }

    /** Represents a KV */
    class KV extends $protobuf.rpc.Service {

        /**
         * Constructs a new KV service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new KV service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): KV;

        /** Calls Range. */
        range: etcdserverpb.KV.Range;

        /** Calls Put. */
        put: etcdserverpb.KV.Put;

        /** Calls DeleteRange. */
        deleteRange: etcdserverpb.KV.DeleteRange;

        /** Calls Txn. */
        txn: etcdserverpb.KV.Txn;

        /** Calls Compact. */
        compact: etcdserverpb.KV.Compact;
    }

    namespace KV {

        /**
         * Callback as used by {@link etcdserverpb.KV#range}.
         * @param error Error, if any
         * @param [response] RangeResponse
         */
        type RangeCallback = (error: (Error|null), response?: etcdserverpb.RangeResponse) => void;

        /** Calls Range. */
        type Range = {
          (request: etcdserverpb.IRangeRequest, callback: etcdserverpb.KV.RangeCallback): void;
          (request: etcdserverpb.IRangeRequest): Promise<etcdserverpb.RangeResponse>;
          readonly name: "Range";
          readonly path: "/etcdserverpb.KV/Range";
          readonly requestType: "RangeRequest";
          readonly responseType: "RangeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#put}.
         * @param error Error, if any
         * @param [response] PutResponse
         */
        type PutCallback = (error: (Error|null), response?: etcdserverpb.PutResponse) => void;

        /** Calls Put. */
        type Put = {
          (request: etcdserverpb.IPutRequest, callback: etcdserverpb.KV.PutCallback): void;
          (request: etcdserverpb.IPutRequest): Promise<etcdserverpb.PutResponse>;
          readonly name: "Put";
          readonly path: "/etcdserverpb.KV/Put";
          readonly requestType: "PutRequest";
          readonly responseType: "PutResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#deleteRange}.
         * @param error Error, if any
         * @param [response] DeleteRangeResponse
         */
        type DeleteRangeCallback = (error: (Error|null), response?: etcdserverpb.DeleteRangeResponse) => void;

        /** Calls DeleteRange. */
        type DeleteRange = {
          (request: etcdserverpb.IDeleteRangeRequest, callback: etcdserverpb.KV.DeleteRangeCallback): void;
          (request: etcdserverpb.IDeleteRangeRequest): Promise<etcdserverpb.DeleteRangeResponse>;
          readonly name: "DeleteRange";
          readonly path: "/etcdserverpb.KV/DeleteRange";
          readonly requestType: "DeleteRangeRequest";
          readonly responseType: "DeleteRangeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#txn}.
         * @param error Error, if any
         * @param [response] TxnResponse
         */
        type TxnCallback = (error: (Error|null), response?: etcdserverpb.TxnResponse) => void;

        /** Calls Txn. */
        type Txn = {
          (request: etcdserverpb.ITxnRequest, callback: etcdserverpb.KV.TxnCallback): void;
          (request: etcdserverpb.ITxnRequest): Promise<etcdserverpb.TxnResponse>;
          readonly name: "Txn";
          readonly path: "/etcdserverpb.KV/Txn";
          readonly requestType: "TxnRequest";
          readonly responseType: "TxnResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.KV#compact}.
         * @param error Error, if any
         * @param [response] CompactionResponse
         */
        type CompactCallback = (error: (Error|null), response?: etcdserverpb.CompactionResponse) => void;

        /** Calls Compact. */
        type Compact = {
          (request: etcdserverpb.ICompactionRequest, callback: etcdserverpb.KV.CompactCallback): void;
          (request: etcdserverpb.ICompactionRequest): Promise<etcdserverpb.CompactionResponse>;
          readonly name: "Compact";
          readonly path: "/etcdserverpb.KV/Compact";
          readonly requestType: "CompactionRequest";
          readonly responseType: "CompactionResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a Watch */
    class Watch extends $protobuf.rpc.Service {

        /**
         * Constructs a new Watch service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Watch service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Watch;

        /** Calls Watch. */
        watch: etcdserverpb.Watch.Watch;
    }

    namespace Watch {

        /**
         * Callback as used by {@link etcdserverpb.Watch#watch}.
         * @param error Error, if any
         * @param [response] WatchResponse
         */
        type WatchCallback = (error: (Error|null), response?: etcdserverpb.WatchResponse) => void;

        /** Calls Watch. */
        type Watch = {
          (request: etcdserverpb.IWatchRequest, callback: etcdserverpb.Watch.WatchCallback): void;
          (request: etcdserverpb.IWatchRequest): Promise<etcdserverpb.WatchResponse>;
          readonly name: "Watch";
          readonly path: "/etcdserverpb.Watch/Watch";
          readonly requestType: "WatchRequest";
          readonly responseType: "WatchResponse";
          readonly requestStream: true;
          readonly responseStream: true;
        };
    }

    /** Represents a Lease */
    class Lease extends $protobuf.rpc.Service {

        /**
         * Constructs a new Lease service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Lease service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Lease;

        /** Calls LeaseGrant. */
        leaseGrant: etcdserverpb.Lease.LeaseGrant;

        /** Calls LeaseRevoke. */
        leaseRevoke: etcdserverpb.Lease.LeaseRevoke;

        /** Calls LeaseKeepAlive. */
        leaseKeepAlive: etcdserverpb.Lease.LeaseKeepAlive;

        /** Calls LeaseTimeToLive. */
        leaseTimeToLive: etcdserverpb.Lease.LeaseTimeToLive;

        /** Calls LeaseLeases. */
        leaseLeases: etcdserverpb.Lease.LeaseLeases;
    }

    namespace Lease {

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseGrant}.
         * @param error Error, if any
         * @param [response] LeaseGrantResponse
         */
        type LeaseGrantCallback = (error: (Error|null), response?: etcdserverpb.LeaseGrantResponse) => void;

        /** Calls LeaseGrant. */
        type LeaseGrant = {
          (request: etcdserverpb.ILeaseGrantRequest, callback: etcdserverpb.Lease.LeaseGrantCallback): void;
          (request: etcdserverpb.ILeaseGrantRequest): Promise<etcdserverpb.LeaseGrantResponse>;
          readonly name: "LeaseGrant";
          readonly path: "/etcdserverpb.Lease/LeaseGrant";
          readonly requestType: "LeaseGrantRequest";
          readonly responseType: "LeaseGrantResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseRevoke}.
         * @param error Error, if any
         * @param [response] LeaseRevokeResponse
         */
        type LeaseRevokeCallback = (error: (Error|null), response?: etcdserverpb.LeaseRevokeResponse) => void;

        /** Calls LeaseRevoke. */
        type LeaseRevoke = {
          (request: etcdserverpb.ILeaseRevokeRequest, callback: etcdserverpb.Lease.LeaseRevokeCallback): void;
          (request: etcdserverpb.ILeaseRevokeRequest): Promise<etcdserverpb.LeaseRevokeResponse>;
          readonly name: "LeaseRevoke";
          readonly path: "/etcdserverpb.Lease/LeaseRevoke";
          readonly requestType: "LeaseRevokeRequest";
          readonly responseType: "LeaseRevokeResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseKeepAlive}.
         * @param error Error, if any
         * @param [response] LeaseKeepAliveResponse
         */
        type LeaseKeepAliveCallback = (error: (Error|null), response?: etcdserverpb.LeaseKeepAliveResponse) => void;

        /** Calls LeaseKeepAlive. */
        type LeaseKeepAlive = {
          (request: etcdserverpb.ILeaseKeepAliveRequest, callback: etcdserverpb.Lease.LeaseKeepAliveCallback): void;
          (request: etcdserverpb.ILeaseKeepAliveRequest): Promise<etcdserverpb.LeaseKeepAliveResponse>;
          readonly name: "LeaseKeepAlive";
          readonly path: "/etcdserverpb.Lease/LeaseKeepAlive";
          readonly requestType: "LeaseKeepAliveRequest";
          readonly responseType: "LeaseKeepAliveResponse";
          readonly requestStream: true;
          readonly responseStream: true;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseTimeToLive}.
         * @param error Error, if any
         * @param [response] LeaseTimeToLiveResponse
         */
        type LeaseTimeToLiveCallback = (error: (Error|null), response?: etcdserverpb.LeaseTimeToLiveResponse) => void;

        /** Calls LeaseTimeToLive. */
        type LeaseTimeToLive = {
          (request: etcdserverpb.ILeaseTimeToLiveRequest, callback: etcdserverpb.Lease.LeaseTimeToLiveCallback): void;
          (request: etcdserverpb.ILeaseTimeToLiveRequest): Promise<etcdserverpb.LeaseTimeToLiveResponse>;
          readonly name: "LeaseTimeToLive";
          readonly path: "/etcdserverpb.Lease/LeaseTimeToLive";
          readonly requestType: "LeaseTimeToLiveRequest";
          readonly responseType: "LeaseTimeToLiveResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Lease#leaseLeases}.
         * @param error Error, if any
         * @param [response] LeaseLeasesResponse
         */
        type LeaseLeasesCallback = (error: (Error|null), response?: etcdserverpb.LeaseLeasesResponse) => void;

        /** Calls LeaseLeases. */
        type LeaseLeases = {
          (request: etcdserverpb.ILeaseLeasesRequest, callback: etcdserverpb.Lease.LeaseLeasesCallback): void;
          (request: etcdserverpb.ILeaseLeasesRequest): Promise<etcdserverpb.LeaseLeasesResponse>;
          readonly name: "LeaseLeases";
          readonly path: "/etcdserverpb.Lease/LeaseLeases";
          readonly requestType: "LeaseLeasesRequest";
          readonly responseType: "LeaseLeasesResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a Cluster */
    class Cluster extends $protobuf.rpc.Service {

        /**
         * Constructs a new Cluster service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Cluster service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Cluster;

        /** Calls MemberAdd. */
        memberAdd: etcdserverpb.Cluster.MemberAdd;

        /** Calls MemberRemove. */
        memberRemove: etcdserverpb.Cluster.MemberRemove;

        /** Calls MemberUpdate. */
        memberUpdate: etcdserverpb.Cluster.MemberUpdate;

        /** Calls MemberList. */
        memberList: etcdserverpb.Cluster.MemberList;

        /** Calls MemberPromote. */
        memberPromote: etcdserverpb.Cluster.MemberPromote;
    }

    namespace Cluster {

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberAdd}.
         * @param error Error, if any
         * @param [response] MemberAddResponse
         */
        type MemberAddCallback = (error: (Error|null), response?: etcdserverpb.MemberAddResponse) => void;

        /** Calls MemberAdd. */
        type MemberAdd = {
          (request: etcdserverpb.IMemberAddRequest, callback: etcdserverpb.Cluster.MemberAddCallback): void;
          (request: etcdserverpb.IMemberAddRequest): Promise<etcdserverpb.MemberAddResponse>;
          readonly name: "MemberAdd";
          readonly path: "/etcdserverpb.Cluster/MemberAdd";
          readonly requestType: "MemberAddRequest";
          readonly responseType: "MemberAddResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberRemove}.
         * @param error Error, if any
         * @param [response] MemberRemoveResponse
         */
        type MemberRemoveCallback = (error: (Error|null), response?: etcdserverpb.MemberRemoveResponse) => void;

        /** Calls MemberRemove. */
        type MemberRemove = {
          (request: etcdserverpb.IMemberRemoveRequest, callback: etcdserverpb.Cluster.MemberRemoveCallback): void;
          (request: etcdserverpb.IMemberRemoveRequest): Promise<etcdserverpb.MemberRemoveResponse>;
          readonly name: "MemberRemove";
          readonly path: "/etcdserverpb.Cluster/MemberRemove";
          readonly requestType: "MemberRemoveRequest";
          readonly responseType: "MemberRemoveResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberUpdate}.
         * @param error Error, if any
         * @param [response] MemberUpdateResponse
         */
        type MemberUpdateCallback = (error: (Error|null), response?: etcdserverpb.MemberUpdateResponse) => void;

        /** Calls MemberUpdate. */
        type MemberUpdate = {
          (request: etcdserverpb.IMemberUpdateRequest, callback: etcdserverpb.Cluster.MemberUpdateCallback): void;
          (request: etcdserverpb.IMemberUpdateRequest): Promise<etcdserverpb.MemberUpdateResponse>;
          readonly name: "MemberUpdate";
          readonly path: "/etcdserverpb.Cluster/MemberUpdate";
          readonly requestType: "MemberUpdateRequest";
          readonly responseType: "MemberUpdateResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberList}.
         * @param error Error, if any
         * @param [response] MemberListResponse
         */
        type MemberListCallback = (error: (Error|null), response?: etcdserverpb.MemberListResponse) => void;

        /** Calls MemberList. */
        type MemberList = {
          (request: etcdserverpb.IMemberListRequest, callback: etcdserverpb.Cluster.MemberListCallback): void;
          (request: etcdserverpb.IMemberListRequest): Promise<etcdserverpb.MemberListResponse>;
          readonly name: "MemberList";
          readonly path: "/etcdserverpb.Cluster/MemberList";
          readonly requestType: "MemberListRequest";
          readonly responseType: "MemberListResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Cluster#memberPromote}.
         * @param error Error, if any
         * @param [response] MemberPromoteResponse
         */
        type MemberPromoteCallback = (error: (Error|null), response?: etcdserverpb.MemberPromoteResponse) => void;

        /** Calls MemberPromote. */
        type MemberPromote = {
          (request: etcdserverpb.IMemberPromoteRequest, callback: etcdserverpb.Cluster.MemberPromoteCallback): void;
          (request: etcdserverpb.IMemberPromoteRequest): Promise<etcdserverpb.MemberPromoteResponse>;
          readonly name: "MemberPromote";
          readonly path: "/etcdserverpb.Cluster/MemberPromote";
          readonly requestType: "MemberPromoteRequest";
          readonly responseType: "MemberPromoteResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /** Represents a Maintenance */
    class Maintenance extends $protobuf.rpc.Service {

        /**
         * Constructs a new Maintenance service.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         */
        constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

        /**
         * Creates new Maintenance service using the specified rpc implementation.
         * @param rpcImpl RPC implementation
         * @param [requestDelimited=false] Whether requests are length-delimited
         * @param [responseDelimited=false] Whether responses are length-delimited
         * @returns RPC service. Useful where requests and/or responses are streamed.
         */
        static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Maintenance;

        /** Calls Alarm. */
        alarm: etcdserverpb.Maintenance.Alarm;

        /** Calls Status. */
        status: etcdserverpb.Maintenance.Status;

        /** Calls Defragment. */
        defragment: etcdserverpb.Maintenance.Defragment;

        /** Calls Hash. */
        hash: etcdserverpb.Maintenance.Hash;

        /** Calls HashKV. */
        hashKV: etcdserverpb.Maintenance.HashKV;

        /** Calls Snapshot. */
        snapshot: etcdserverpb.Maintenance.Snapshot;

        /** Calls MoveLeader. */
        moveLeader: etcdserverpb.Maintenance.MoveLeader;
    }

    namespace Maintenance {

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#alarm}.
         * @param error Error, if any
         * @param [response] AlarmResponse
         */
        type AlarmCallback = (error: (Error|null), response?: etcdserverpb.AlarmResponse) => void;

        /** Calls Alarm. */
        type Alarm = {
          (request: etcdserverpb.IAlarmRequest, callback: etcdserverpb.Maintenance.AlarmCallback): void;
          (request: etcdserverpb.IAlarmRequest): Promise<etcdserverpb.AlarmResponse>;
          readonly name: "Alarm";
          readonly path: "/etcdserverpb.Maintenance/Alarm";
          readonly requestType: "AlarmRequest";
          readonly responseType: "AlarmResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#status}.
         * @param error Error, if any
         * @param [response] StatusResponse
         */
        type StatusCallback = (error: (Error|null), response?: etcdserverpb.StatusResponse) => void;

        /** Calls Status. */
        type Status = {
          (request: etcdserverpb.IStatusRequest, callback: etcdserverpb.Maintenance.StatusCallback): void;
          (request: etcdserverpb.IStatusRequest): Promise<etcdserverpb.StatusResponse>;
          readonly name: "Status";
          readonly path: "/etcdserverpb.Maintenance/Status";
          readonly requestType: "StatusRequest";
          readonly responseType: "StatusResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#defragment}.
         * @param error Error, if any
         * @param [response] DefragmentResponse
         */
        type DefragmentCallback = (error: (Error|null), response?: etcdserverpb.DefragmentResponse) => void;

        /** Calls Defragment. */
        type Defragment = {
          (request: etcdserverpb.IDefragmentRequest, callback: etcdserverpb.Maintenance.DefragmentCallback): void;
          (request: etcdserverpb.IDefragmentRequest): Promise<etcdserverpb.DefragmentResponse>;
          readonly name: "Defragment";
          readonly path: "/etcdserverpb.Maintenance/Defragment";
          readonly requestType: "DefragmentRequest";
          readonly responseType: "DefragmentResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#hash}.
         * @param error Error, if any
         * @param [response] HashResponse
         */
        type HashCallback = (error: (Error|null), response?: etcdserverpb.HashResponse) => void;

        /** Calls Hash. */
        type Hash = {
          (request: etcdserverpb.IHashRequest, callback: etcdserverpb.Maintenance.HashCallback): void;
          (request: etcdserverpb.IHashRequest): Promise<etcdserverpb.HashResponse>;
          readonly name: "Hash";
          readonly path: "/etcdserverpb.Maintenance/Hash";
          readonly requestType: "HashRequest";
          readonly responseType: "HashResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#hashKV}.
         * @param error Error, if any
         * @param [response] HashKVResponse
         */
        type HashKVCallback = (error: (Error|null), response?: etcdserverpb.HashKVResponse) => void;

        /** Calls HashKV. */
        type HashKV = {
          (request: etcdserverpb.IHashKVRequest, callback: etcdserverpb.Maintenance.HashKVCallback): void;
          (request: etcdserverpb.IHashKVRequest): Promise<etcdserverpb.HashKVResponse>;
          readonly name: "HashKV";
          readonly path: "/etcdserverpb.Maintenance/HashKV";
          readonly requestType: "HashKVRequest";
          readonly responseType: "HashKVResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#snapshot}.
         * @param error Error, if any
         * @param [response] SnapshotResponse
         */
        type SnapshotCallback = (error: (Error|null), response?: etcdserverpb.SnapshotResponse) => void;

        /** Calls Snapshot. */
        type Snapshot = {
          (request: etcdserverpb.ISnapshotRequest, callback: etcdserverpb.Maintenance.SnapshotCallback): void;
          (request: etcdserverpb.ISnapshotRequest): Promise<etcdserverpb.SnapshotResponse>;
          readonly name: "Snapshot";
          readonly path: "/etcdserverpb.Maintenance/Snapshot";
          readonly requestType: "SnapshotRequest";
          readonly responseType: "SnapshotResponse";
          readonly requestStream: undefined;
          readonly responseStream: true;
        };

        /**
         * Callback as used by {@link etcdserverpb.Maintenance#moveLeader}.
         * @param error Error, if any
         * @param [response] MoveLeaderResponse
         */
        type MoveLeaderCallback = (error: (Error|null), response?: etcdserverpb.MoveLeaderResponse) => void;

        /** Calls MoveLeader. */
        type MoveLeader = {
          (request: etcdserverpb.IMoveLeaderRequest, callback: etcdserverpb.Maintenance.MoveLeaderCallback): void;
          (request: etcdserverpb.IMoveLeaderRequest): Promise<etcdserverpb.MoveLeaderResponse>;
          readonly name: "MoveLeader";
          readonly path: "/etcdserverpb.Maintenance/MoveLeader";
          readonly requestType: "MoveLeaderRequest";
          readonly responseType: "MoveLeaderResponse";
          readonly requestStream: undefined;
          readonly responseStream: undefined;
        };
    }

    /**
     * Properties of a ResponseHeader.
     * @deprecated Use etcdserverpb.ResponseHeader.$Properties instead.
     */
    interface IResponseHeader extends etcdserverpb.ResponseHeader.$Properties {
    }

    /** Represents a ResponseHeader. */
    class ResponseHeader {

        /**
         * Constructs a new ResponseHeader.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ResponseHeader.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResponseHeader clusterId. */
        clusterId: number;

        /** ResponseHeader memberId. */
        memberId: number;

        /** ResponseHeader revision. */
        revision: number;

        /** ResponseHeader raftTerm. */
        raftTerm: number;

        /**
         * Creates a new ResponseHeader instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResponseHeader instance
         */
        static create(properties: etcdserverpb.ResponseHeader.$Shape): etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape;
        static create(properties?: etcdserverpb.ResponseHeader.$Properties): etcdserverpb.ResponseHeader;

        /**
         * Encodes the specified ResponseHeader message. Does not implicitly {@link etcdserverpb.ResponseHeader.verify|verify} messages.
         * @param message ResponseHeader message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.ResponseHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResponseHeader message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape} ResponseHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.ResponseHeader & etcdserverpb.ResponseHeader.$Shape;

        /**
         * Gets the type url for ResponseHeader
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResponseHeader {

        /** Properties of a ResponseHeader. */
        interface $Properties {

            /** ResponseHeader clusterId */
            clusterId?: (number|null);

            /** ResponseHeader memberId */
            memberId?: (number|null);

            /** ResponseHeader revision */
            revision?: (number|null);

            /** ResponseHeader raftTerm */
            raftTerm?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ResponseHeader. */
        type $Shape = etcdserverpb.ResponseHeader.$Properties;
    }

    /**
     * Properties of a RangeRequest.
     * @deprecated Use etcdserverpb.RangeRequest.$Properties instead.
     */
    interface IRangeRequest extends etcdserverpb.RangeRequest.$Properties {
    }

    /** Represents a RangeRequest. */
    class RangeRequest {

        /**
         * Constructs a new RangeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.RangeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RangeRequest key. */
        key: Uint8Array;

        /** RangeRequest rangeEnd. */
        rangeEnd: Uint8Array;

        /** RangeRequest limit. */
        limit: number;

        /** RangeRequest revision. */
        revision: number;

        /** RangeRequest sortOrder. */
        sortOrder: etcdserverpb.RangeRequest.SortOrder;

        /** RangeRequest sortTarget. */
        sortTarget: etcdserverpb.RangeRequest.SortTarget;

        /** RangeRequest serializable. */
        serializable: boolean;

        /** RangeRequest keysOnly. */
        keysOnly: boolean;

        /** RangeRequest countOnly. */
        countOnly: boolean;

        /** RangeRequest minModRevision. */
        minModRevision: number;

        /** RangeRequest maxModRevision. */
        maxModRevision: number;

        /** RangeRequest minCreateRevision. */
        minCreateRevision: number;

        /** RangeRequest maxCreateRevision. */
        maxCreateRevision: number;

        /**
         * Creates a new RangeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RangeRequest instance
         */
        static create(properties: etcdserverpb.RangeRequest.$Shape): etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape;
        static create(properties?: etcdserverpb.RangeRequest.$Properties): etcdserverpb.RangeRequest;

        /**
         * Encodes the specified RangeRequest message. Does not implicitly {@link etcdserverpb.RangeRequest.verify|verify} messages.
         * @param message RangeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.RangeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RangeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape} RangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.RangeRequest & etcdserverpb.RangeRequest.$Shape;

        /**
         * Gets the type url for RangeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RangeRequest {

        /** Properties of a RangeRequest. */
        interface $Properties {

            /** RangeRequest key */
            key?: (Uint8Array|null);

            /** RangeRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** RangeRequest limit */
            limit?: (number|null);

            /** RangeRequest revision */
            revision?: (number|null);

            /** RangeRequest sortOrder */
            sortOrder?: (etcdserverpb.RangeRequest.SortOrder|null);

            /** RangeRequest sortTarget */
            sortTarget?: (etcdserverpb.RangeRequest.SortTarget|null);

            /** RangeRequest serializable */
            serializable?: (boolean|null);

            /** RangeRequest keysOnly */
            keysOnly?: (boolean|null);

            /** RangeRequest countOnly */
            countOnly?: (boolean|null);

            /** RangeRequest minModRevision */
            minModRevision?: (number|null);

            /** RangeRequest maxModRevision */
            maxModRevision?: (number|null);

            /** RangeRequest minCreateRevision */
            minCreateRevision?: (number|null);

            /** RangeRequest maxCreateRevision */
            maxCreateRevision?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RangeRequest. */
        type $Shape = etcdserverpb.RangeRequest.$Properties;

        /** SortOrder enum. */
        enum SortOrder {

            /** NONE value */
            NONE = 0,

            /** ASCEND value */
            ASCEND = 1,

            /** DESCEND value */
            DESCEND = 2
        }

        /** SortTarget enum. */
        enum SortTarget {

            /** KEY value */
            KEY = 0,

            /** VERSION value */
            VERSION = 1,

            /** CREATE value */
            CREATE = 2,

            /** MOD value */
            MOD = 3,

            /** VALUE value */
            VALUE = 4
        }
    }

    /**
     * Properties of a RangeResponse.
     * @deprecated Use etcdserverpb.RangeResponse.$Properties instead.
     */
    interface IRangeResponse extends etcdserverpb.RangeResponse.$Properties {
    }

    /** Represents a RangeResponse. */
    class RangeResponse {

        /**
         * Constructs a new RangeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.RangeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RangeResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** RangeResponse kvs. */
        kvs: mvccpb.KeyValue.$Properties[];

        /** RangeResponse more. */
        more: boolean;

        /** RangeResponse count. */
        count: number;

        /**
         * Creates a new RangeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RangeResponse instance
         */
        static create(properties: etcdserverpb.RangeResponse.$Shape): etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape;
        static create(properties?: etcdserverpb.RangeResponse.$Properties): etcdserverpb.RangeResponse;

        /**
         * Encodes the specified RangeResponse message. Does not implicitly {@link etcdserverpb.RangeResponse.verify|verify} messages.
         * @param message RangeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.RangeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RangeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape} RangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.RangeResponse & etcdserverpb.RangeResponse.$Shape;

        /**
         * Gets the type url for RangeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RangeResponse {

        /** Properties of a RangeResponse. */
        interface $Properties {

            /** RangeResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** RangeResponse kvs */
            kvs?: (mvccpb.KeyValue.$Properties[]|null);

            /** RangeResponse more */
            more?: (boolean|null);

            /** RangeResponse count */
            count?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RangeResponse. */
        type $Shape = etcdserverpb.RangeResponse.$Properties;
    }

    /**
     * Properties of a PutRequest.
     * @deprecated Use etcdserverpb.PutRequest.$Properties instead.
     */
    interface IPutRequest extends etcdserverpb.PutRequest.$Properties {
    }

    /** Represents a PutRequest. */
    class PutRequest {

        /**
         * Constructs a new PutRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.PutRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PutRequest key. */
        key: Uint8Array;

        /** PutRequest value. */
        value: Uint8Array;

        /** PutRequest lease. */
        lease: number;

        /** PutRequest prevKv. */
        prevKv: boolean;

        /** PutRequest ignoreValue. */
        ignoreValue: boolean;

        /** PutRequest ignoreLease. */
        ignoreLease: boolean;

        /**
         * Creates a new PutRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PutRequest instance
         */
        static create(properties: etcdserverpb.PutRequest.$Shape): etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape;
        static create(properties?: etcdserverpb.PutRequest.$Properties): etcdserverpb.PutRequest;

        /**
         * Encodes the specified PutRequest message. Does not implicitly {@link etcdserverpb.PutRequest.verify|verify} messages.
         * @param message PutRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.PutRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape} PutRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.PutRequest & etcdserverpb.PutRequest.$Shape;

        /**
         * Gets the type url for PutRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PutRequest {

        /** Properties of a PutRequest. */
        interface $Properties {

            /** PutRequest key */
            key?: (Uint8Array|null);

            /** PutRequest value */
            value?: (Uint8Array|null);

            /** PutRequest lease */
            lease?: (number|null);

            /** PutRequest prevKv */
            prevKv?: (boolean|null);

            /** PutRequest ignoreValue */
            ignoreValue?: (boolean|null);

            /** PutRequest ignoreLease */
            ignoreLease?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PutRequest. */
        type $Shape = etcdserverpb.PutRequest.$Properties;
    }

    /**
     * Properties of a PutResponse.
     * @deprecated Use etcdserverpb.PutResponse.$Properties instead.
     */
    interface IPutResponse extends etcdserverpb.PutResponse.$Properties {
    }

    /** Represents a PutResponse. */
    class PutResponse {

        /**
         * Constructs a new PutResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.PutResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PutResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** PutResponse prevKv. */
        prevKv?: (mvccpb.KeyValue.$Properties|null);

        /**
         * Creates a new PutResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PutResponse instance
         */
        static create(properties: etcdserverpb.PutResponse.$Shape): etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape;
        static create(properties?: etcdserverpb.PutResponse.$Properties): etcdserverpb.PutResponse;

        /**
         * Encodes the specified PutResponse message. Does not implicitly {@link etcdserverpb.PutResponse.verify|verify} messages.
         * @param message PutResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.PutResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape} PutResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.PutResponse & etcdserverpb.PutResponse.$Shape;

        /**
         * Gets the type url for PutResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PutResponse {

        /** Properties of a PutResponse. */
        interface $Properties {

            /** PutResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** PutResponse prevKv */
            prevKv?: (mvccpb.KeyValue.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PutResponse. */
        type $Shape = etcdserverpb.PutResponse.$Properties;
    }

    /**
     * Properties of a DeleteRangeRequest.
     * @deprecated Use etcdserverpb.DeleteRangeRequest.$Properties instead.
     */
    interface IDeleteRangeRequest extends etcdserverpb.DeleteRangeRequest.$Properties {
    }

    /** Represents a DeleteRangeRequest. */
    class DeleteRangeRequest {

        /**
         * Constructs a new DeleteRangeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.DeleteRangeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteRangeRequest key. */
        key: Uint8Array;

        /** DeleteRangeRequest rangeEnd. */
        rangeEnd: Uint8Array;

        /** DeleteRangeRequest prevKv. */
        prevKv: boolean;

        /**
         * Creates a new DeleteRangeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeleteRangeRequest instance
         */
        static create(properties: etcdserverpb.DeleteRangeRequest.$Shape): etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape;
        static create(properties?: etcdserverpb.DeleteRangeRequest.$Properties): etcdserverpb.DeleteRangeRequest;

        /**
         * Encodes the specified DeleteRangeRequest message. Does not implicitly {@link etcdserverpb.DeleteRangeRequest.verify|verify} messages.
         * @param message DeleteRangeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.DeleteRangeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRangeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape} DeleteRangeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DeleteRangeRequest & etcdserverpb.DeleteRangeRequest.$Shape;

        /**
         * Gets the type url for DeleteRangeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DeleteRangeRequest {

        /** Properties of a DeleteRangeRequest. */
        interface $Properties {

            /** DeleteRangeRequest key */
            key?: (Uint8Array|null);

            /** DeleteRangeRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** DeleteRangeRequest prevKv */
            prevKv?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteRangeRequest. */
        type $Shape = etcdserverpb.DeleteRangeRequest.$Properties;
    }

    /**
     * Properties of a DeleteRangeResponse.
     * @deprecated Use etcdserverpb.DeleteRangeResponse.$Properties instead.
     */
    interface IDeleteRangeResponse extends etcdserverpb.DeleteRangeResponse.$Properties {
    }

    /** Represents a DeleteRangeResponse. */
    class DeleteRangeResponse {

        /**
         * Constructs a new DeleteRangeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.DeleteRangeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteRangeResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** DeleteRangeResponse deleted. */
        deleted: number;

        /** DeleteRangeResponse prevKvs. */
        prevKvs: mvccpb.KeyValue.$Properties[];

        /**
         * Creates a new DeleteRangeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DeleteRangeResponse instance
         */
        static create(properties: etcdserverpb.DeleteRangeResponse.$Shape): etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape;
        static create(properties?: etcdserverpb.DeleteRangeResponse.$Properties): etcdserverpb.DeleteRangeResponse;

        /**
         * Encodes the specified DeleteRangeResponse message. Does not implicitly {@link etcdserverpb.DeleteRangeResponse.verify|verify} messages.
         * @param message DeleteRangeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.DeleteRangeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRangeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape} DeleteRangeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DeleteRangeResponse & etcdserverpb.DeleteRangeResponse.$Shape;

        /**
         * Gets the type url for DeleteRangeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DeleteRangeResponse {

        /** Properties of a DeleteRangeResponse. */
        interface $Properties {

            /** DeleteRangeResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** DeleteRangeResponse deleted */
            deleted?: (number|null);

            /** DeleteRangeResponse prevKvs */
            prevKvs?: (mvccpb.KeyValue.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteRangeResponse. */
        type $Shape = etcdserverpb.DeleteRangeResponse.$Properties;
    }

    /**
     * Properties of a RequestOp.
     * @deprecated Use etcdserverpb.RequestOp.$Properties instead.
     */
    interface IRequestOp extends etcdserverpb.RequestOp.$Properties {
    }

    /** Represents a RequestOp. */
    class RequestOp {

        /**
         * Constructs a new RequestOp.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.RequestOp.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RequestOp requestRange. */
        requestRange?: (etcdserverpb.RangeRequest.$Properties|null);

        /** RequestOp requestPut. */
        requestPut?: (etcdserverpb.PutRequest.$Properties|null);

        /** RequestOp requestDeleteRange. */
        requestDeleteRange?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

        /** RequestOp requestTxn. */
        requestTxn?: (etcdserverpb.TxnRequest.$Properties|null);

        /** RequestOp request. */
        request?: ("requestRange"|"requestPut"|"requestDeleteRange"|"requestTxn");

        /**
         * Creates a new RequestOp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RequestOp instance
         */
        static create(properties: etcdserverpb.RequestOp.$Shape): etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape;
        static create(properties?: etcdserverpb.RequestOp.$Properties): etcdserverpb.RequestOp;

        /**
         * Encodes the specified RequestOp message. Does not implicitly {@link etcdserverpb.RequestOp.verify|verify} messages.
         * @param message RequestOp message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.RequestOp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RequestOp message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape} RequestOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.RequestOp & etcdserverpb.RequestOp.$Shape;

        /**
         * Gets the type url for RequestOp
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RequestOp {

        /** Properties of a RequestOp. */
        interface $Properties {

            /** RequestOp requestRange */
            requestRange?: (etcdserverpb.RangeRequest.$Properties|null);

            /** RequestOp requestPut */
            requestPut?: (etcdserverpb.PutRequest.$Properties|null);

            /** RequestOp requestDeleteRange */
            requestDeleteRange?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

            /** RequestOp requestTxn */
            requestTxn?: (etcdserverpb.TxnRequest.$Properties|null);

            /** RequestOp request */
            request?: ("requestRange"|"requestPut"|"requestDeleteRange"|"requestTxn");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a RequestOp. */
        type $Shape = {
          requestRange?: etcdserverpb.RangeRequest.$Shape|null;
          requestPut?: etcdserverpb.PutRequest.$Shape|null;
          requestDeleteRange?: etcdserverpb.DeleteRangeRequest.$Shape|null;
          requestTxn?: etcdserverpb.TxnRequest.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ request?: undefined; requestRange?: null; requestPut?: null; requestDeleteRange?: null; requestTxn?: null }|{ request?: "requestRange"; requestRange: etcdserverpb.RangeRequest.$Shape; requestPut?: null; requestDeleteRange?: null; requestTxn?: null }|{ request?: "requestPut"; requestRange?: null; requestPut: etcdserverpb.PutRequest.$Shape; requestDeleteRange?: null; requestTxn?: null }|{ request?: "requestDeleteRange"; requestRange?: null; requestPut?: null; requestDeleteRange: etcdserverpb.DeleteRangeRequest.$Shape; requestTxn?: null }|{ request?: "requestTxn"; requestRange?: null; requestPut?: null; requestDeleteRange?: null; requestTxn: etcdserverpb.TxnRequest.$Shape })
        );
    }

    /**
     * Properties of a ResponseOp.
     * @deprecated Use etcdserverpb.ResponseOp.$Properties instead.
     */
    interface IResponseOp extends etcdserverpb.ResponseOp.$Properties {
    }

    /** Represents a ResponseOp. */
    class ResponseOp {

        /**
         * Constructs a new ResponseOp.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.ResponseOp.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ResponseOp responseRange. */
        responseRange?: (etcdserverpb.RangeResponse.$Properties|null);

        /** ResponseOp responsePut. */
        responsePut?: (etcdserverpb.PutResponse.$Properties|null);

        /** ResponseOp responseDeleteRange. */
        responseDeleteRange?: (etcdserverpb.DeleteRangeResponse.$Properties|null);

        /** ResponseOp responseTxn. */
        responseTxn?: (etcdserverpb.TxnResponse.$Properties|null);

        /** ResponseOp response. */
        response?: ("responseRange"|"responsePut"|"responseDeleteRange"|"responseTxn");

        /**
         * Creates a new ResponseOp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ResponseOp instance
         */
        static create(properties: etcdserverpb.ResponseOp.$Shape): etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape;
        static create(properties?: etcdserverpb.ResponseOp.$Properties): etcdserverpb.ResponseOp;

        /**
         * Encodes the specified ResponseOp message. Does not implicitly {@link etcdserverpb.ResponseOp.verify|verify} messages.
         * @param message ResponseOp message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.ResponseOp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ResponseOp message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape} ResponseOp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.ResponseOp & etcdserverpb.ResponseOp.$Shape;

        /**
         * Gets the type url for ResponseOp
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ResponseOp {

        /** Properties of a ResponseOp. */
        interface $Properties {

            /** ResponseOp responseRange */
            responseRange?: (etcdserverpb.RangeResponse.$Properties|null);

            /** ResponseOp responsePut */
            responsePut?: (etcdserverpb.PutResponse.$Properties|null);

            /** ResponseOp responseDeleteRange */
            responseDeleteRange?: (etcdserverpb.DeleteRangeResponse.$Properties|null);

            /** ResponseOp responseTxn */
            responseTxn?: (etcdserverpb.TxnResponse.$Properties|null);

            /** ResponseOp response */
            response?: ("responseRange"|"responsePut"|"responseDeleteRange"|"responseTxn");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a ResponseOp. */
        type $Shape = {
          responseRange?: etcdserverpb.RangeResponse.$Shape|null;
          responsePut?: etcdserverpb.PutResponse.$Shape|null;
          responseDeleteRange?: etcdserverpb.DeleteRangeResponse.$Shape|null;
          responseTxn?: etcdserverpb.TxnResponse.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ response?: undefined; responseRange?: null; responsePut?: null; responseDeleteRange?: null; responseTxn?: null }|{ response?: "responseRange"; responseRange: etcdserverpb.RangeResponse.$Shape; responsePut?: null; responseDeleteRange?: null; responseTxn?: null }|{ response?: "responsePut"; responseRange?: null; responsePut: etcdserverpb.PutResponse.$Shape; responseDeleteRange?: null; responseTxn?: null }|{ response?: "responseDeleteRange"; responseRange?: null; responsePut?: null; responseDeleteRange: etcdserverpb.DeleteRangeResponse.$Shape; responseTxn?: null }|{ response?: "responseTxn"; responseRange?: null; responsePut?: null; responseDeleteRange?: null; responseTxn: etcdserverpb.TxnResponse.$Shape })
        );
    }

    /**
     * Properties of a Compare.
     * @deprecated Use etcdserverpb.Compare.$Properties instead.
     */
    interface ICompare extends etcdserverpb.Compare.$Properties {
    }

    /** Represents a Compare. */
    class Compare {

        /**
         * Constructs a new Compare.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.Compare.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Compare result. */
        result: etcdserverpb.Compare.CompareResult;

        /** Compare target. */
        target: etcdserverpb.Compare.CompareTarget;

        /** Compare key. */
        key: Uint8Array;

        /** Compare version. */
        version?: (number|null);

        /** Compare createRevision. */
        createRevision?: (number|null);

        /** Compare modRevision. */
        modRevision?: (number|null);

        /** Compare value. */
        value?: (Uint8Array|null);

        /** Compare lease. */
        lease?: (number|null);

        /** Compare rangeEnd. */
        rangeEnd: Uint8Array;

        /** Compare targetUnion. */
        targetUnion?: ("version"|"createRevision"|"modRevision"|"value"|"lease");

        /**
         * Creates a new Compare instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Compare instance
         */
        static create(properties: etcdserverpb.Compare.$Shape): etcdserverpb.Compare & etcdserverpb.Compare.$Shape;
        static create(properties?: etcdserverpb.Compare.$Properties): etcdserverpb.Compare;

        /**
         * Encodes the specified Compare message. Does not implicitly {@link etcdserverpb.Compare.verify|verify} messages.
         * @param message Compare message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.Compare.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Compare message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.Compare & etcdserverpb.Compare.$Shape} Compare
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.Compare & etcdserverpb.Compare.$Shape;

        /**
         * Gets the type url for Compare
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Compare {

        /** Properties of a Compare. */
        interface $Properties {

            /** Compare result */
            result?: (etcdserverpb.Compare.CompareResult|null);

            /** Compare target */
            target?: (etcdserverpb.Compare.CompareTarget|null);

            /** Compare key */
            key?: (Uint8Array|null);

            /** Compare version */
            version?: (number|null);

            /** Compare createRevision */
            createRevision?: (number|null);

            /** Compare modRevision */
            modRevision?: (number|null);

            /** Compare value */
            value?: (Uint8Array|null);

            /** Compare lease */
            lease?: (number|null);

            /** Compare rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** Compare targetUnion */
            targetUnion?: ("version"|"createRevision"|"modRevision"|"value"|"lease");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Compare. */
        type $Shape = {
          result?: etcdserverpb.Compare.CompareResult|null;
          target?: etcdserverpb.Compare.CompareTarget|null;
          key?: Uint8Array|null;
          version?: number|null;
          createRevision?: number|null;
          modRevision?: number|null;
          value?: Uint8Array|null;
          lease?: number|null;
          rangeEnd?: Uint8Array|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ targetUnion?: undefined; version?: null; createRevision?: null; modRevision?: null; value?: null; lease?: null }|{ targetUnion?: "version"; version: number; createRevision?: null; modRevision?: null; value?: null; lease?: null }|{ targetUnion?: "createRevision"; version?: null; createRevision: number; modRevision?: null; value?: null; lease?: null }|{ targetUnion?: "modRevision"; version?: null; createRevision?: null; modRevision: number; value?: null; lease?: null }|{ targetUnion?: "value"; version?: null; createRevision?: null; modRevision?: null; value: Uint8Array; lease?: null }|{ targetUnion?: "lease"; version?: null; createRevision?: null; modRevision?: null; value?: null; lease: number })
        );

        /** CompareResult enum. */
        enum CompareResult {

            /** EQUAL value */
            EQUAL = 0,

            /** GREATER value */
            GREATER = 1,

            /** LESS value */
            LESS = 2,

            /** NOT_EQUAL value */
            NOT_EQUAL = 3
        }

        /** CompareTarget enum. */
        enum CompareTarget {

            /** VERSION value */
            VERSION = 0,

            /** CREATE value */
            CREATE = 1,

            /** MOD value */
            MOD = 2,

            /** VALUE value */
            VALUE = 3,

            /** LEASE value */
            LEASE = 4
        }
    }

    /**
     * Properties of a TxnRequest.
     * @deprecated Use etcdserverpb.TxnRequest.$Properties instead.
     */
    interface ITxnRequest extends etcdserverpb.TxnRequest.$Properties {
    }

    /** Represents a TxnRequest. */
    class TxnRequest {

        /**
         * Constructs a new TxnRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.TxnRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TxnRequest compare. */
        compare: etcdserverpb.Compare.$Properties[];

        /** TxnRequest success. */
        success: etcdserverpb.RequestOp.$Properties[];

        /** TxnRequest failure. */
        failure: etcdserverpb.RequestOp.$Properties[];

        /**
         * Creates a new TxnRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TxnRequest instance
         */
        static create(properties: etcdserverpb.TxnRequest.$Shape): etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape;
        static create(properties?: etcdserverpb.TxnRequest.$Properties): etcdserverpb.TxnRequest;

        /**
         * Encodes the specified TxnRequest message. Does not implicitly {@link etcdserverpb.TxnRequest.verify|verify} messages.
         * @param message TxnRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.TxnRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TxnRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape} TxnRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.TxnRequest & etcdserverpb.TxnRequest.$Shape;

        /**
         * Gets the type url for TxnRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TxnRequest {

        /** Properties of a TxnRequest. */
        interface $Properties {

            /** TxnRequest compare */
            compare?: (etcdserverpb.Compare.$Properties[]|null);

            /** TxnRequest success */
            success?: (etcdserverpb.RequestOp.$Properties[]|null);

            /** TxnRequest failure */
            failure?: (etcdserverpb.RequestOp.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TxnRequest. */
        type $Shape = {
          compare?: etcdserverpb.Compare.$Shape[]|null;
          success?: etcdserverpb.RequestOp.$Shape[]|null;
          failure?: etcdserverpb.RequestOp.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a TxnResponse.
     * @deprecated Use etcdserverpb.TxnResponse.$Properties instead.
     */
    interface ITxnResponse extends etcdserverpb.TxnResponse.$Properties {
    }

    /** Represents a TxnResponse. */
    class TxnResponse {

        /**
         * Constructs a new TxnResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.TxnResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TxnResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** TxnResponse succeeded. */
        succeeded: boolean;

        /** TxnResponse responses. */
        responses: etcdserverpb.ResponseOp.$Properties[];

        /**
         * Creates a new TxnResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TxnResponse instance
         */
        static create(properties: etcdserverpb.TxnResponse.$Shape): etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape;
        static create(properties?: etcdserverpb.TxnResponse.$Properties): etcdserverpb.TxnResponse;

        /**
         * Encodes the specified TxnResponse message. Does not implicitly {@link etcdserverpb.TxnResponse.verify|verify} messages.
         * @param message TxnResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.TxnResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TxnResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape} TxnResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.TxnResponse & etcdserverpb.TxnResponse.$Shape;

        /**
         * Gets the type url for TxnResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TxnResponse {

        /** Properties of a TxnResponse. */
        interface $Properties {

            /** TxnResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** TxnResponse succeeded */
            succeeded?: (boolean|null);

            /** TxnResponse responses */
            responses?: (etcdserverpb.ResponseOp.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TxnResponse. */
        type $Shape = {
          header?: etcdserverpb.ResponseHeader.$Shape|null;
          succeeded?: boolean|null;
          responses?: etcdserverpb.ResponseOp.$Shape[]|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a CompactionRequest.
     * @deprecated Use etcdserverpb.CompactionRequest.$Properties instead.
     */
    interface ICompactionRequest extends etcdserverpb.CompactionRequest.$Properties {
    }

    /** Represents a CompactionRequest. */
    class CompactionRequest {

        /**
         * Constructs a new CompactionRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.CompactionRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CompactionRequest revision. */
        revision: number;

        /** CompactionRequest physical. */
        physical: boolean;

        /**
         * Creates a new CompactionRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CompactionRequest instance
         */
        static create(properties: etcdserverpb.CompactionRequest.$Shape): etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape;
        static create(properties?: etcdserverpb.CompactionRequest.$Properties): etcdserverpb.CompactionRequest;

        /**
         * Encodes the specified CompactionRequest message. Does not implicitly {@link etcdserverpb.CompactionRequest.verify|verify} messages.
         * @param message CompactionRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.CompactionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompactionRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape} CompactionRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.CompactionRequest & etcdserverpb.CompactionRequest.$Shape;

        /**
         * Gets the type url for CompactionRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CompactionRequest {

        /** Properties of a CompactionRequest. */
        interface $Properties {

            /** CompactionRequest revision */
            revision?: (number|null);

            /** CompactionRequest physical */
            physical?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CompactionRequest. */
        type $Shape = etcdserverpb.CompactionRequest.$Properties;
    }

    /**
     * Properties of a CompactionResponse.
     * @deprecated Use etcdserverpb.CompactionResponse.$Properties instead.
     */
    interface ICompactionResponse extends etcdserverpb.CompactionResponse.$Properties {
    }

    /** Represents a CompactionResponse. */
    class CompactionResponse {

        /**
         * Constructs a new CompactionResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.CompactionResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CompactionResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new CompactionResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CompactionResponse instance
         */
        static create(properties: etcdserverpb.CompactionResponse.$Shape): etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape;
        static create(properties?: etcdserverpb.CompactionResponse.$Properties): etcdserverpb.CompactionResponse;

        /**
         * Encodes the specified CompactionResponse message. Does not implicitly {@link etcdserverpb.CompactionResponse.verify|verify} messages.
         * @param message CompactionResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.CompactionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompactionResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape} CompactionResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.CompactionResponse & etcdserverpb.CompactionResponse.$Shape;

        /**
         * Gets the type url for CompactionResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CompactionResponse {

        /** Properties of a CompactionResponse. */
        interface $Properties {

            /** CompactionResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CompactionResponse. */
        type $Shape = etcdserverpb.CompactionResponse.$Properties;
    }

    /**
     * Properties of a HashRequest.
     * @deprecated Use etcdserverpb.HashRequest.$Properties instead.
     */
    interface IHashRequest extends etcdserverpb.HashRequest.$Properties {
    }

    /** Represents a HashRequest. */
    class HashRequest {

        /**
         * Constructs a new HashRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.HashRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new HashRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashRequest instance
         */
        static create(properties: etcdserverpb.HashRequest.$Shape): etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape;
        static create(properties?: etcdserverpb.HashRequest.$Properties): etcdserverpb.HashRequest;

        /**
         * Encodes the specified HashRequest message. Does not implicitly {@link etcdserverpb.HashRequest.verify|verify} messages.
         * @param message HashRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.HashRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape} HashRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashRequest & etcdserverpb.HashRequest.$Shape;

        /**
         * Gets the type url for HashRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashRequest {

        /** Properties of a HashRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashRequest. */
        type $Shape = etcdserverpb.HashRequest.$Properties;
    }

    /**
     * Properties of a HashKVRequest.
     * @deprecated Use etcdserverpb.HashKVRequest.$Properties instead.
     */
    interface IHashKVRequest extends etcdserverpb.HashKVRequest.$Properties {
    }

    /** Represents a HashKVRequest. */
    class HashKVRequest {

        /**
         * Constructs a new HashKVRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.HashKVRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HashKVRequest revision. */
        revision: number;

        /**
         * Creates a new HashKVRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashKVRequest instance
         */
        static create(properties: etcdserverpb.HashKVRequest.$Shape): etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape;
        static create(properties?: etcdserverpb.HashKVRequest.$Properties): etcdserverpb.HashKVRequest;

        /**
         * Encodes the specified HashKVRequest message. Does not implicitly {@link etcdserverpb.HashKVRequest.verify|verify} messages.
         * @param message HashKVRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.HashKVRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashKVRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape} HashKVRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashKVRequest & etcdserverpb.HashKVRequest.$Shape;

        /**
         * Gets the type url for HashKVRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashKVRequest {

        /** Properties of a HashKVRequest. */
        interface $Properties {

            /** HashKVRequest revision */
            revision?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashKVRequest. */
        type $Shape = etcdserverpb.HashKVRequest.$Properties;
    }

    /**
     * Properties of a HashKVResponse.
     * @deprecated Use etcdserverpb.HashKVResponse.$Properties instead.
     */
    interface IHashKVResponse extends etcdserverpb.HashKVResponse.$Properties {
    }

    /** Represents a HashKVResponse. */
    class HashKVResponse {

        /**
         * Constructs a new HashKVResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.HashKVResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HashKVResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** HashKVResponse hash. */
        hash: number;

        /** HashKVResponse compactRevision. */
        compactRevision: number;

        /**
         * Creates a new HashKVResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashKVResponse instance
         */
        static create(properties: etcdserverpb.HashKVResponse.$Shape): etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape;
        static create(properties?: etcdserverpb.HashKVResponse.$Properties): etcdserverpb.HashKVResponse;

        /**
         * Encodes the specified HashKVResponse message. Does not implicitly {@link etcdserverpb.HashKVResponse.verify|verify} messages.
         * @param message HashKVResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.HashKVResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashKVResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape} HashKVResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashKVResponse & etcdserverpb.HashKVResponse.$Shape;

        /**
         * Gets the type url for HashKVResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashKVResponse {

        /** Properties of a HashKVResponse. */
        interface $Properties {

            /** HashKVResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** HashKVResponse hash */
            hash?: (number|null);

            /** HashKVResponse compactRevision */
            compactRevision?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashKVResponse. */
        type $Shape = etcdserverpb.HashKVResponse.$Properties;
    }

    /**
     * Properties of a HashResponse.
     * @deprecated Use etcdserverpb.HashResponse.$Properties instead.
     */
    interface IHashResponse extends etcdserverpb.HashResponse.$Properties {
    }

    /** Represents a HashResponse. */
    class HashResponse {

        /**
         * Constructs a new HashResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.HashResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HashResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** HashResponse hash. */
        hash: number;

        /**
         * Creates a new HashResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HashResponse instance
         */
        static create(properties: etcdserverpb.HashResponse.$Shape): etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape;
        static create(properties?: etcdserverpb.HashResponse.$Properties): etcdserverpb.HashResponse;

        /**
         * Encodes the specified HashResponse message. Does not implicitly {@link etcdserverpb.HashResponse.verify|verify} messages.
         * @param message HashResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.HashResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HashResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape} HashResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.HashResponse & etcdserverpb.HashResponse.$Shape;

        /**
         * Gets the type url for HashResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace HashResponse {

        /** Properties of a HashResponse. */
        interface $Properties {

            /** HashResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** HashResponse hash */
            hash?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HashResponse. */
        type $Shape = etcdserverpb.HashResponse.$Properties;
    }

    /**
     * Properties of a SnapshotRequest.
     * @deprecated Use etcdserverpb.SnapshotRequest.$Properties instead.
     */
    interface ISnapshotRequest extends etcdserverpb.SnapshotRequest.$Properties {
    }

    /** Represents a SnapshotRequest. */
    class SnapshotRequest {

        /**
         * Constructs a new SnapshotRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.SnapshotRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new SnapshotRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotRequest instance
         */
        static create(properties: etcdserverpb.SnapshotRequest.$Shape): etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape;
        static create(properties?: etcdserverpb.SnapshotRequest.$Properties): etcdserverpb.SnapshotRequest;

        /**
         * Encodes the specified SnapshotRequest message. Does not implicitly {@link etcdserverpb.SnapshotRequest.verify|verify} messages.
         * @param message SnapshotRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.SnapshotRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape} SnapshotRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.SnapshotRequest & etcdserverpb.SnapshotRequest.$Shape;

        /**
         * Gets the type url for SnapshotRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SnapshotRequest {

        /** Properties of a SnapshotRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SnapshotRequest. */
        type $Shape = etcdserverpb.SnapshotRequest.$Properties;
    }

    /**
     * Properties of a SnapshotResponse.
     * @deprecated Use etcdserverpb.SnapshotResponse.$Properties instead.
     */
    interface ISnapshotResponse extends etcdserverpb.SnapshotResponse.$Properties {
    }

    /** Represents a SnapshotResponse. */
    class SnapshotResponse {

        /**
         * Constructs a new SnapshotResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.SnapshotResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SnapshotResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** SnapshotResponse remainingBytes. */
        remainingBytes: number;

        /** SnapshotResponse blob. */
        blob: Uint8Array;

        /**
         * Creates a new SnapshotResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SnapshotResponse instance
         */
        static create(properties: etcdserverpb.SnapshotResponse.$Shape): etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape;
        static create(properties?: etcdserverpb.SnapshotResponse.$Properties): etcdserverpb.SnapshotResponse;

        /**
         * Encodes the specified SnapshotResponse message. Does not implicitly {@link etcdserverpb.SnapshotResponse.verify|verify} messages.
         * @param message SnapshotResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.SnapshotResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SnapshotResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape} SnapshotResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.SnapshotResponse & etcdserverpb.SnapshotResponse.$Shape;

        /**
         * Gets the type url for SnapshotResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SnapshotResponse {

        /** Properties of a SnapshotResponse. */
        interface $Properties {

            /** SnapshotResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** SnapshotResponse remainingBytes */
            remainingBytes?: (number|null);

            /** SnapshotResponse blob */
            blob?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SnapshotResponse. */
        type $Shape = etcdserverpb.SnapshotResponse.$Properties;
    }

    /**
     * Properties of a WatchRequest.
     * @deprecated Use etcdserverpb.WatchRequest.$Properties instead.
     */
    interface IWatchRequest extends etcdserverpb.WatchRequest.$Properties {
    }

    /** Represents a WatchRequest. */
    class WatchRequest {

        /**
         * Constructs a new WatchRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.WatchRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchRequest createRequest. */
        createRequest?: (etcdserverpb.WatchCreateRequest.$Properties|null);

        /** WatchRequest cancelRequest. */
        cancelRequest?: (etcdserverpb.WatchCancelRequest.$Properties|null);

        /** WatchRequest progressRequest. */
        progressRequest?: (etcdserverpb.WatchProgressRequest.$Properties|null);

        /** WatchRequest requestUnion. */
        requestUnion?: ("createRequest"|"cancelRequest"|"progressRequest");

        /**
         * Creates a new WatchRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchRequest instance
         */
        static create(properties: etcdserverpb.WatchRequest.$Shape): etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape;
        static create(properties?: etcdserverpb.WatchRequest.$Properties): etcdserverpb.WatchRequest;

        /**
         * Encodes the specified WatchRequest message. Does not implicitly {@link etcdserverpb.WatchRequest.verify|verify} messages.
         * @param message WatchRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.WatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape} WatchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchRequest & etcdserverpb.WatchRequest.$Shape;

        /**
         * Gets the type url for WatchRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchRequest {

        /** Properties of a WatchRequest. */
        interface $Properties {

            /** WatchRequest createRequest */
            createRequest?: (etcdserverpb.WatchCreateRequest.$Properties|null);

            /** WatchRequest cancelRequest */
            cancelRequest?: (etcdserverpb.WatchCancelRequest.$Properties|null);

            /** WatchRequest progressRequest */
            progressRequest?: (etcdserverpb.WatchProgressRequest.$Properties|null);

            /** WatchRequest requestUnion */
            requestUnion?: ("createRequest"|"cancelRequest"|"progressRequest");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a WatchRequest. */
        type $Shape = {
          createRequest?: etcdserverpb.WatchCreateRequest.$Shape|null;
          cancelRequest?: etcdserverpb.WatchCancelRequest.$Shape|null;
          progressRequest?: etcdserverpb.WatchProgressRequest.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ requestUnion?: undefined; createRequest?: null; cancelRequest?: null; progressRequest?: null }|{ requestUnion?: "createRequest"; createRequest: etcdserverpb.WatchCreateRequest.$Shape; cancelRequest?: null; progressRequest?: null }|{ requestUnion?: "cancelRequest"; createRequest?: null; cancelRequest: etcdserverpb.WatchCancelRequest.$Shape; progressRequest?: null }|{ requestUnion?: "progressRequest"; createRequest?: null; cancelRequest?: null; progressRequest: etcdserverpb.WatchProgressRequest.$Shape })
        );
    }

    /**
     * Properties of a WatchCreateRequest.
     * @deprecated Use etcdserverpb.WatchCreateRequest.$Properties instead.
     */
    interface IWatchCreateRequest extends etcdserverpb.WatchCreateRequest.$Properties {
    }

    /** Represents a WatchCreateRequest. */
    class WatchCreateRequest {

        /**
         * Constructs a new WatchCreateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.WatchCreateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchCreateRequest key. */
        key: Uint8Array;

        /** WatchCreateRequest rangeEnd. */
        rangeEnd: Uint8Array;

        /** WatchCreateRequest startRevision. */
        startRevision: number;

        /** WatchCreateRequest progressNotify. */
        progressNotify: boolean;

        /** WatchCreateRequest filters. */
        filters: etcdserverpb.WatchCreateRequest.FilterType[];

        /** WatchCreateRequest prevKv. */
        prevKv: boolean;

        /** WatchCreateRequest watchId. */
        watchId: number;

        /** WatchCreateRequest fragment. */
        fragment: boolean;

        /**
         * Creates a new WatchCreateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchCreateRequest instance
         */
        static create(properties: etcdserverpb.WatchCreateRequest.$Shape): etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape;
        static create(properties?: etcdserverpb.WatchCreateRequest.$Properties): etcdserverpb.WatchCreateRequest;

        /**
         * Encodes the specified WatchCreateRequest message. Does not implicitly {@link etcdserverpb.WatchCreateRequest.verify|verify} messages.
         * @param message WatchCreateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.WatchCreateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchCreateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape} WatchCreateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchCreateRequest & etcdserverpb.WatchCreateRequest.$Shape;

        /**
         * Gets the type url for WatchCreateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchCreateRequest {

        /** Properties of a WatchCreateRequest. */
        interface $Properties {

            /** WatchCreateRequest key */
            key?: (Uint8Array|null);

            /** WatchCreateRequest rangeEnd */
            rangeEnd?: (Uint8Array|null);

            /** WatchCreateRequest startRevision */
            startRevision?: (number|null);

            /** WatchCreateRequest progressNotify */
            progressNotify?: (boolean|null);

            /** WatchCreateRequest filters */
            filters?: (etcdserverpb.WatchCreateRequest.FilterType[]|null);

            /** WatchCreateRequest prevKv */
            prevKv?: (boolean|null);

            /** WatchCreateRequest watchId */
            watchId?: (number|null);

            /** WatchCreateRequest fragment */
            fragment?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchCreateRequest. */
        type $Shape = etcdserverpb.WatchCreateRequest.$Properties;

        /** FilterType enum. */
        enum FilterType {

            /** NOPUT value */
            NOPUT = 0,

            /** NODELETE value */
            NODELETE = 1
        }
    }

    /**
     * Properties of a WatchCancelRequest.
     * @deprecated Use etcdserverpb.WatchCancelRequest.$Properties instead.
     */
    interface IWatchCancelRequest extends etcdserverpb.WatchCancelRequest.$Properties {
    }

    /** Represents a WatchCancelRequest. */
    class WatchCancelRequest {

        /**
         * Constructs a new WatchCancelRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.WatchCancelRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchCancelRequest watchId. */
        watchId: number;

        /**
         * Creates a new WatchCancelRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchCancelRequest instance
         */
        static create(properties: etcdserverpb.WatchCancelRequest.$Shape): etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape;
        static create(properties?: etcdserverpb.WatchCancelRequest.$Properties): etcdserverpb.WatchCancelRequest;

        /**
         * Encodes the specified WatchCancelRequest message. Does not implicitly {@link etcdserverpb.WatchCancelRequest.verify|verify} messages.
         * @param message WatchCancelRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.WatchCancelRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchCancelRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape} WatchCancelRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchCancelRequest & etcdserverpb.WatchCancelRequest.$Shape;

        /**
         * Gets the type url for WatchCancelRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchCancelRequest {

        /** Properties of a WatchCancelRequest. */
        interface $Properties {

            /** WatchCancelRequest watchId */
            watchId?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchCancelRequest. */
        type $Shape = etcdserverpb.WatchCancelRequest.$Properties;
    }

    /**
     * Properties of a WatchProgressRequest.
     * @deprecated Use etcdserverpb.WatchProgressRequest.$Properties instead.
     */
    interface IWatchProgressRequest extends etcdserverpb.WatchProgressRequest.$Properties {
    }

    /** Represents a WatchProgressRequest. */
    class WatchProgressRequest {

        /**
         * Constructs a new WatchProgressRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.WatchProgressRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new WatchProgressRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchProgressRequest instance
         */
        static create(properties: etcdserverpb.WatchProgressRequest.$Shape): etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape;
        static create(properties?: etcdserverpb.WatchProgressRequest.$Properties): etcdserverpb.WatchProgressRequest;

        /**
         * Encodes the specified WatchProgressRequest message. Does not implicitly {@link etcdserverpb.WatchProgressRequest.verify|verify} messages.
         * @param message WatchProgressRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.WatchProgressRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchProgressRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape} WatchProgressRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchProgressRequest & etcdserverpb.WatchProgressRequest.$Shape;

        /**
         * Gets the type url for WatchProgressRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchProgressRequest {

        /** Properties of a WatchProgressRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchProgressRequest. */
        type $Shape = etcdserverpb.WatchProgressRequest.$Properties;
    }

    /**
     * Properties of a WatchResponse.
     * @deprecated Use etcdserverpb.WatchResponse.$Properties instead.
     */
    interface IWatchResponse extends etcdserverpb.WatchResponse.$Properties {
    }

    /** Represents a WatchResponse. */
    class WatchResponse {

        /**
         * Constructs a new WatchResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.WatchResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WatchResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** WatchResponse watchId. */
        watchId: number;

        /** WatchResponse created. */
        created: boolean;

        /** WatchResponse canceled. */
        canceled: boolean;

        /** WatchResponse compactRevision. */
        compactRevision: number;

        /** WatchResponse cancelReason. */
        cancelReason: string;

        /** WatchResponse fragment. */
        fragment: boolean;

        /** WatchResponse events. */
        events: mvccpb.Event.$Properties[];

        /**
         * Creates a new WatchResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WatchResponse instance
         */
        static create(properties: etcdserverpb.WatchResponse.$Shape): etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape;
        static create(properties?: etcdserverpb.WatchResponse.$Properties): etcdserverpb.WatchResponse;

        /**
         * Encodes the specified WatchResponse message. Does not implicitly {@link etcdserverpb.WatchResponse.verify|verify} messages.
         * @param message WatchResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.WatchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WatchResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape} WatchResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.WatchResponse & etcdserverpb.WatchResponse.$Shape;

        /**
         * Gets the type url for WatchResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WatchResponse {

        /** Properties of a WatchResponse. */
        interface $Properties {

            /** WatchResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** WatchResponse watchId */
            watchId?: (number|null);

            /** WatchResponse created */
            created?: (boolean|null);

            /** WatchResponse canceled */
            canceled?: (boolean|null);

            /** WatchResponse compactRevision */
            compactRevision?: (number|null);

            /** WatchResponse cancelReason */
            cancelReason?: (string|null);

            /** WatchResponse fragment */
            fragment?: (boolean|null);

            /** WatchResponse events */
            events?: (mvccpb.Event.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WatchResponse. */
        type $Shape = etcdserverpb.WatchResponse.$Properties;
    }

    /**
     * Properties of a LeaseGrantRequest.
     * @deprecated Use etcdserverpb.LeaseGrantRequest.$Properties instead.
     */
    interface ILeaseGrantRequest extends etcdserverpb.LeaseGrantRequest.$Properties {
    }

    /** Represents a LeaseGrantRequest. */
    class LeaseGrantRequest {

        /**
         * Constructs a new LeaseGrantRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseGrantRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseGrantRequest TTL. */
        TTL: number;

        /** LeaseGrantRequest ID. */
        ID: number;

        /**
         * Creates a new LeaseGrantRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseGrantRequest instance
         */
        static create(properties: etcdserverpb.LeaseGrantRequest.$Shape): etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseGrantRequest.$Properties): etcdserverpb.LeaseGrantRequest;

        /**
         * Encodes the specified LeaseGrantRequest message. Does not implicitly {@link etcdserverpb.LeaseGrantRequest.verify|verify} messages.
         * @param message LeaseGrantRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseGrantRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseGrantRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape} LeaseGrantRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseGrantRequest & etcdserverpb.LeaseGrantRequest.$Shape;

        /**
         * Gets the type url for LeaseGrantRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseGrantRequest {

        /** Properties of a LeaseGrantRequest. */
        interface $Properties {

            /** LeaseGrantRequest TTL */
            TTL?: (number|null);

            /** LeaseGrantRequest ID */
            ID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseGrantRequest. */
        type $Shape = etcdserverpb.LeaseGrantRequest.$Properties;
    }

    /**
     * Properties of a LeaseGrantResponse.
     * @deprecated Use etcdserverpb.LeaseGrantResponse.$Properties instead.
     */
    interface ILeaseGrantResponse extends etcdserverpb.LeaseGrantResponse.$Properties {
    }

    /** Represents a LeaseGrantResponse. */
    class LeaseGrantResponse {

        /**
         * Constructs a new LeaseGrantResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseGrantResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseGrantResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseGrantResponse ID. */
        ID: number;

        /** LeaseGrantResponse TTL. */
        TTL: number;

        /** LeaseGrantResponse error. */
        error: string;

        /**
         * Creates a new LeaseGrantResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseGrantResponse instance
         */
        static create(properties: etcdserverpb.LeaseGrantResponse.$Shape): etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseGrantResponse.$Properties): etcdserverpb.LeaseGrantResponse;

        /**
         * Encodes the specified LeaseGrantResponse message. Does not implicitly {@link etcdserverpb.LeaseGrantResponse.verify|verify} messages.
         * @param message LeaseGrantResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseGrantResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseGrantResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape} LeaseGrantResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseGrantResponse & etcdserverpb.LeaseGrantResponse.$Shape;

        /**
         * Gets the type url for LeaseGrantResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseGrantResponse {

        /** Properties of a LeaseGrantResponse. */
        interface $Properties {

            /** LeaseGrantResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseGrantResponse ID */
            ID?: (number|null);

            /** LeaseGrantResponse TTL */
            TTL?: (number|null);

            /** LeaseGrantResponse error */
            error?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseGrantResponse. */
        type $Shape = etcdserverpb.LeaseGrantResponse.$Properties;
    }

    /**
     * Properties of a LeaseRevokeRequest.
     * @deprecated Use etcdserverpb.LeaseRevokeRequest.$Properties instead.
     */
    interface ILeaseRevokeRequest extends etcdserverpb.LeaseRevokeRequest.$Properties {
    }

    /** Represents a LeaseRevokeRequest. */
    class LeaseRevokeRequest {

        /**
         * Constructs a new LeaseRevokeRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseRevokeRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseRevokeRequest ID. */
        ID: number;

        /**
         * Creates a new LeaseRevokeRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRevokeRequest instance
         */
        static create(properties: etcdserverpb.LeaseRevokeRequest.$Shape): etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseRevokeRequest.$Properties): etcdserverpb.LeaseRevokeRequest;

        /**
         * Encodes the specified LeaseRevokeRequest message. Does not implicitly {@link etcdserverpb.LeaseRevokeRequest.verify|verify} messages.
         * @param message LeaseRevokeRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseRevokeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRevokeRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape} LeaseRevokeRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseRevokeRequest & etcdserverpb.LeaseRevokeRequest.$Shape;

        /**
         * Gets the type url for LeaseRevokeRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseRevokeRequest {

        /** Properties of a LeaseRevokeRequest. */
        interface $Properties {

            /** LeaseRevokeRequest ID */
            ID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseRevokeRequest. */
        type $Shape = etcdserverpb.LeaseRevokeRequest.$Properties;
    }

    /**
     * Properties of a LeaseRevokeResponse.
     * @deprecated Use etcdserverpb.LeaseRevokeResponse.$Properties instead.
     */
    interface ILeaseRevokeResponse extends etcdserverpb.LeaseRevokeResponse.$Properties {
    }

    /** Represents a LeaseRevokeResponse. */
    class LeaseRevokeResponse {

        /**
         * Constructs a new LeaseRevokeResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseRevokeResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseRevokeResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new LeaseRevokeResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRevokeResponse instance
         */
        static create(properties: etcdserverpb.LeaseRevokeResponse.$Shape): etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseRevokeResponse.$Properties): etcdserverpb.LeaseRevokeResponse;

        /**
         * Encodes the specified LeaseRevokeResponse message. Does not implicitly {@link etcdserverpb.LeaseRevokeResponse.verify|verify} messages.
         * @param message LeaseRevokeResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseRevokeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRevokeResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape} LeaseRevokeResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseRevokeResponse & etcdserverpb.LeaseRevokeResponse.$Shape;

        /**
         * Gets the type url for LeaseRevokeResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseRevokeResponse {

        /** Properties of a LeaseRevokeResponse. */
        interface $Properties {

            /** LeaseRevokeResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseRevokeResponse. */
        type $Shape = etcdserverpb.LeaseRevokeResponse.$Properties;
    }

    /**
     * Properties of a LeaseKeepAliveRequest.
     * @deprecated Use etcdserverpb.LeaseKeepAliveRequest.$Properties instead.
     */
    interface ILeaseKeepAliveRequest extends etcdserverpb.LeaseKeepAliveRequest.$Properties {
    }

    /** Represents a LeaseKeepAliveRequest. */
    class LeaseKeepAliveRequest {

        /**
         * Constructs a new LeaseKeepAliveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseKeepAliveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseKeepAliveRequest ID. */
        ID: number;

        /**
         * Creates a new LeaseKeepAliveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseKeepAliveRequest instance
         */
        static create(properties: etcdserverpb.LeaseKeepAliveRequest.$Shape): etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseKeepAliveRequest.$Properties): etcdserverpb.LeaseKeepAliveRequest;

        /**
         * Encodes the specified LeaseKeepAliveRequest message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveRequest.verify|verify} messages.
         * @param message LeaseKeepAliveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseKeepAliveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseKeepAliveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape} LeaseKeepAliveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseKeepAliveRequest & etcdserverpb.LeaseKeepAliveRequest.$Shape;

        /**
         * Gets the type url for LeaseKeepAliveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseKeepAliveRequest {

        /** Properties of a LeaseKeepAliveRequest. */
        interface $Properties {

            /** LeaseKeepAliveRequest ID */
            ID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseKeepAliveRequest. */
        type $Shape = etcdserverpb.LeaseKeepAliveRequest.$Properties;
    }

    /**
     * Properties of a LeaseKeepAliveResponse.
     * @deprecated Use etcdserverpb.LeaseKeepAliveResponse.$Properties instead.
     */
    interface ILeaseKeepAliveResponse extends etcdserverpb.LeaseKeepAliveResponse.$Properties {
    }

    /** Represents a LeaseKeepAliveResponse. */
    class LeaseKeepAliveResponse {

        /**
         * Constructs a new LeaseKeepAliveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseKeepAliveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseKeepAliveResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseKeepAliveResponse ID. */
        ID: number;

        /** LeaseKeepAliveResponse TTL. */
        TTL: number;

        /**
         * Creates a new LeaseKeepAliveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseKeepAliveResponse instance
         */
        static create(properties: etcdserverpb.LeaseKeepAliveResponse.$Shape): etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseKeepAliveResponse.$Properties): etcdserverpb.LeaseKeepAliveResponse;

        /**
         * Encodes the specified LeaseKeepAliveResponse message. Does not implicitly {@link etcdserverpb.LeaseKeepAliveResponse.verify|verify} messages.
         * @param message LeaseKeepAliveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseKeepAliveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseKeepAliveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape} LeaseKeepAliveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseKeepAliveResponse & etcdserverpb.LeaseKeepAliveResponse.$Shape;

        /**
         * Gets the type url for LeaseKeepAliveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseKeepAliveResponse {

        /** Properties of a LeaseKeepAliveResponse. */
        interface $Properties {

            /** LeaseKeepAliveResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseKeepAliveResponse ID */
            ID?: (number|null);

            /** LeaseKeepAliveResponse TTL */
            TTL?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseKeepAliveResponse. */
        type $Shape = etcdserverpb.LeaseKeepAliveResponse.$Properties;
    }

    /**
     * Properties of a LeaseTimeToLiveRequest.
     * @deprecated Use etcdserverpb.LeaseTimeToLiveRequest.$Properties instead.
     */
    interface ILeaseTimeToLiveRequest extends etcdserverpb.LeaseTimeToLiveRequest.$Properties {
    }

    /** Represents a LeaseTimeToLiveRequest. */
    class LeaseTimeToLiveRequest {

        /**
         * Constructs a new LeaseTimeToLiveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseTimeToLiveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseTimeToLiveRequest ID. */
        ID: number;

        /** LeaseTimeToLiveRequest keys. */
        keys: boolean;

        /**
         * Creates a new LeaseTimeToLiveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseTimeToLiveRequest instance
         */
        static create(properties: etcdserverpb.LeaseTimeToLiveRequest.$Shape): etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseTimeToLiveRequest.$Properties): etcdserverpb.LeaseTimeToLiveRequest;

        /**
         * Encodes the specified LeaseTimeToLiveRequest message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveRequest.verify|verify} messages.
         * @param message LeaseTimeToLiveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseTimeToLiveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseTimeToLiveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape} LeaseTimeToLiveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseTimeToLiveRequest & etcdserverpb.LeaseTimeToLiveRequest.$Shape;

        /**
         * Gets the type url for LeaseTimeToLiveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseTimeToLiveRequest {

        /** Properties of a LeaseTimeToLiveRequest. */
        interface $Properties {

            /** LeaseTimeToLiveRequest ID */
            ID?: (number|null);

            /** LeaseTimeToLiveRequest keys */
            keys?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseTimeToLiveRequest. */
        type $Shape = etcdserverpb.LeaseTimeToLiveRequest.$Properties;
    }

    /**
     * Properties of a LeaseTimeToLiveResponse.
     * @deprecated Use etcdserverpb.LeaseTimeToLiveResponse.$Properties instead.
     */
    interface ILeaseTimeToLiveResponse extends etcdserverpb.LeaseTimeToLiveResponse.$Properties {
    }

    /** Represents a LeaseTimeToLiveResponse. */
    class LeaseTimeToLiveResponse {

        /**
         * Constructs a new LeaseTimeToLiveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseTimeToLiveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseTimeToLiveResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseTimeToLiveResponse ID. */
        ID: number;

        /** LeaseTimeToLiveResponse TTL. */
        TTL: number;

        /** LeaseTimeToLiveResponse grantedTTL. */
        grantedTTL: number;

        /** LeaseTimeToLiveResponse keys. */
        keys: Uint8Array[];

        /**
         * Creates a new LeaseTimeToLiveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseTimeToLiveResponse instance
         */
        static create(properties: etcdserverpb.LeaseTimeToLiveResponse.$Shape): etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseTimeToLiveResponse.$Properties): etcdserverpb.LeaseTimeToLiveResponse;

        /**
         * Encodes the specified LeaseTimeToLiveResponse message. Does not implicitly {@link etcdserverpb.LeaseTimeToLiveResponse.verify|verify} messages.
         * @param message LeaseTimeToLiveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseTimeToLiveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseTimeToLiveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape} LeaseTimeToLiveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseTimeToLiveResponse & etcdserverpb.LeaseTimeToLiveResponse.$Shape;

        /**
         * Gets the type url for LeaseTimeToLiveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseTimeToLiveResponse {

        /** Properties of a LeaseTimeToLiveResponse. */
        interface $Properties {

            /** LeaseTimeToLiveResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseTimeToLiveResponse ID */
            ID?: (number|null);

            /** LeaseTimeToLiveResponse TTL */
            TTL?: (number|null);

            /** LeaseTimeToLiveResponse grantedTTL */
            grantedTTL?: (number|null);

            /** LeaseTimeToLiveResponse keys */
            keys?: (Uint8Array[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseTimeToLiveResponse. */
        type $Shape = etcdserverpb.LeaseTimeToLiveResponse.$Properties;
    }

    /**
     * Properties of a LeaseLeasesRequest.
     * @deprecated Use etcdserverpb.LeaseLeasesRequest.$Properties instead.
     */
    interface ILeaseLeasesRequest extends etcdserverpb.LeaseLeasesRequest.$Properties {
    }

    /** Represents a LeaseLeasesRequest. */
    class LeaseLeasesRequest {

        /**
         * Constructs a new LeaseLeasesRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseLeasesRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new LeaseLeasesRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseLeasesRequest instance
         */
        static create(properties: etcdserverpb.LeaseLeasesRequest.$Shape): etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape;
        static create(properties?: etcdserverpb.LeaseLeasesRequest.$Properties): etcdserverpb.LeaseLeasesRequest;

        /**
         * Encodes the specified LeaseLeasesRequest message. Does not implicitly {@link etcdserverpb.LeaseLeasesRequest.verify|verify} messages.
         * @param message LeaseLeasesRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseLeasesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseLeasesRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape} LeaseLeasesRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseLeasesRequest & etcdserverpb.LeaseLeasesRequest.$Shape;

        /**
         * Gets the type url for LeaseLeasesRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseLeasesRequest {

        /** Properties of a LeaseLeasesRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseLeasesRequest. */
        type $Shape = etcdserverpb.LeaseLeasesRequest.$Properties;
    }

    /**
     * Properties of a LeaseStatus.
     * @deprecated Use etcdserverpb.LeaseStatus.$Properties instead.
     */
    interface ILeaseStatus extends etcdserverpb.LeaseStatus.$Properties {
    }

    /** Represents a LeaseStatus. */
    class LeaseStatus {

        /**
         * Constructs a new LeaseStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseStatus ID. */
        ID: number;

        /**
         * Creates a new LeaseStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseStatus instance
         */
        static create(properties: etcdserverpb.LeaseStatus.$Shape): etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape;
        static create(properties?: etcdserverpb.LeaseStatus.$Properties): etcdserverpb.LeaseStatus;

        /**
         * Encodes the specified LeaseStatus message. Does not implicitly {@link etcdserverpb.LeaseStatus.verify|verify} messages.
         * @param message LeaseStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape} LeaseStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseStatus & etcdserverpb.LeaseStatus.$Shape;

        /**
         * Gets the type url for LeaseStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseStatus {

        /** Properties of a LeaseStatus. */
        interface $Properties {

            /** LeaseStatus ID */
            ID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseStatus. */
        type $Shape = etcdserverpb.LeaseStatus.$Properties;
    }

    /**
     * Properties of a LeaseLeasesResponse.
     * @deprecated Use etcdserverpb.LeaseLeasesResponse.$Properties instead.
     */
    interface ILeaseLeasesResponse extends etcdserverpb.LeaseLeasesResponse.$Properties {
    }

    /** Represents a LeaseLeasesResponse. */
    class LeaseLeasesResponse {

        /**
         * Constructs a new LeaseLeasesResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.LeaseLeasesResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseLeasesResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** LeaseLeasesResponse leases. */
        leases: etcdserverpb.LeaseStatus.$Properties[];

        /**
         * Creates a new LeaseLeasesResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseLeasesResponse instance
         */
        static create(properties: etcdserverpb.LeaseLeasesResponse.$Shape): etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape;
        static create(properties?: etcdserverpb.LeaseLeasesResponse.$Properties): etcdserverpb.LeaseLeasesResponse;

        /**
         * Encodes the specified LeaseLeasesResponse message. Does not implicitly {@link etcdserverpb.LeaseLeasesResponse.verify|verify} messages.
         * @param message LeaseLeasesResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.LeaseLeasesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseLeasesResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape} LeaseLeasesResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.LeaseLeasesResponse & etcdserverpb.LeaseLeasesResponse.$Shape;

        /**
         * Gets the type url for LeaseLeasesResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseLeasesResponse {

        /** Properties of a LeaseLeasesResponse. */
        interface $Properties {

            /** LeaseLeasesResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** LeaseLeasesResponse leases */
            leases?: (etcdserverpb.LeaseStatus.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseLeasesResponse. */
        type $Shape = etcdserverpb.LeaseLeasesResponse.$Properties;
    }

    /**
     * Properties of a Member.
     * @deprecated Use etcdserverpb.Member.$Properties instead.
     */
    interface IMember extends etcdserverpb.Member.$Properties {
    }

    /** Represents a Member. */
    class Member {

        /**
         * Constructs a new Member.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.Member.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Member ID. */
        ID: number;

        /** Member name. */
        name: string;

        /** Member peerURLs. */
        peerURLs: string[];

        /** Member clientURLs. */
        clientURLs: string[];

        /** Member isLearner. */
        isLearner: boolean;

        /**
         * Creates a new Member instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Member instance
         */
        static create(properties: etcdserverpb.Member.$Shape): etcdserverpb.Member & etcdserverpb.Member.$Shape;
        static create(properties?: etcdserverpb.Member.$Properties): etcdserverpb.Member;

        /**
         * Encodes the specified Member message. Does not implicitly {@link etcdserverpb.Member.verify|verify} messages.
         * @param message Member message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.Member.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Member message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.Member & etcdserverpb.Member.$Shape} Member
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.Member & etcdserverpb.Member.$Shape;

        /**
         * Gets the type url for Member
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Member {

        /** Properties of a Member. */
        interface $Properties {

            /** Member ID */
            ID?: (number|null);

            /** Member name */
            name?: (string|null);

            /** Member peerURLs */
            peerURLs?: (string[]|null);

            /** Member clientURLs */
            clientURLs?: (string[]|null);

            /** Member isLearner */
            isLearner?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Member. */
        type $Shape = etcdserverpb.Member.$Properties;
    }

    /**
     * Properties of a MemberAddRequest.
     * @deprecated Use etcdserverpb.MemberAddRequest.$Properties instead.
     */
    interface IMemberAddRequest extends etcdserverpb.MemberAddRequest.$Properties {
    }

    /** Represents a MemberAddRequest. */
    class MemberAddRequest {

        /**
         * Constructs a new MemberAddRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberAddRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberAddRequest peerURLs. */
        peerURLs: string[];

        /** MemberAddRequest isLearner. */
        isLearner: boolean;

        /**
         * Creates a new MemberAddRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberAddRequest instance
         */
        static create(properties: etcdserverpb.MemberAddRequest.$Shape): etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape;
        static create(properties?: etcdserverpb.MemberAddRequest.$Properties): etcdserverpb.MemberAddRequest;

        /**
         * Encodes the specified MemberAddRequest message. Does not implicitly {@link etcdserverpb.MemberAddRequest.verify|verify} messages.
         * @param message MemberAddRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberAddRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberAddRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape} MemberAddRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberAddRequest & etcdserverpb.MemberAddRequest.$Shape;

        /**
         * Gets the type url for MemberAddRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberAddRequest {

        /** Properties of a MemberAddRequest. */
        interface $Properties {

            /** MemberAddRequest peerURLs */
            peerURLs?: (string[]|null);

            /** MemberAddRequest isLearner */
            isLearner?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberAddRequest. */
        type $Shape = etcdserverpb.MemberAddRequest.$Properties;
    }

    /**
     * Properties of a MemberAddResponse.
     * @deprecated Use etcdserverpb.MemberAddResponse.$Properties instead.
     */
    interface IMemberAddResponse extends etcdserverpb.MemberAddResponse.$Properties {
    }

    /** Represents a MemberAddResponse. */
    class MemberAddResponse {

        /**
         * Constructs a new MemberAddResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberAddResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberAddResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberAddResponse member. */
        member?: (etcdserverpb.Member.$Properties|null);

        /** MemberAddResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberAddResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberAddResponse instance
         */
        static create(properties: etcdserverpb.MemberAddResponse.$Shape): etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape;
        static create(properties?: etcdserverpb.MemberAddResponse.$Properties): etcdserverpb.MemberAddResponse;

        /**
         * Encodes the specified MemberAddResponse message. Does not implicitly {@link etcdserverpb.MemberAddResponse.verify|verify} messages.
         * @param message MemberAddResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberAddResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberAddResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape} MemberAddResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberAddResponse & etcdserverpb.MemberAddResponse.$Shape;

        /**
         * Gets the type url for MemberAddResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberAddResponse {

        /** Properties of a MemberAddResponse. */
        interface $Properties {

            /** MemberAddResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberAddResponse member */
            member?: (etcdserverpb.Member.$Properties|null);

            /** MemberAddResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberAddResponse. */
        type $Shape = etcdserverpb.MemberAddResponse.$Properties;
    }

    /**
     * Properties of a MemberRemoveRequest.
     * @deprecated Use etcdserverpb.MemberRemoveRequest.$Properties instead.
     */
    interface IMemberRemoveRequest extends etcdserverpb.MemberRemoveRequest.$Properties {
    }

    /** Represents a MemberRemoveRequest. */
    class MemberRemoveRequest {

        /**
         * Constructs a new MemberRemoveRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberRemoveRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberRemoveRequest ID. */
        ID: number;

        /**
         * Creates a new MemberRemoveRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberRemoveRequest instance
         */
        static create(properties: etcdserverpb.MemberRemoveRequest.$Shape): etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape;
        static create(properties?: etcdserverpb.MemberRemoveRequest.$Properties): etcdserverpb.MemberRemoveRequest;

        /**
         * Encodes the specified MemberRemoveRequest message. Does not implicitly {@link etcdserverpb.MemberRemoveRequest.verify|verify} messages.
         * @param message MemberRemoveRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberRemoveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberRemoveRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape} MemberRemoveRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberRemoveRequest & etcdserverpb.MemberRemoveRequest.$Shape;

        /**
         * Gets the type url for MemberRemoveRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberRemoveRequest {

        /** Properties of a MemberRemoveRequest. */
        interface $Properties {

            /** MemberRemoveRequest ID */
            ID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberRemoveRequest. */
        type $Shape = etcdserverpb.MemberRemoveRequest.$Properties;
    }

    /**
     * Properties of a MemberRemoveResponse.
     * @deprecated Use etcdserverpb.MemberRemoveResponse.$Properties instead.
     */
    interface IMemberRemoveResponse extends etcdserverpb.MemberRemoveResponse.$Properties {
    }

    /** Represents a MemberRemoveResponse. */
    class MemberRemoveResponse {

        /**
         * Constructs a new MemberRemoveResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberRemoveResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberRemoveResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberRemoveResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberRemoveResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberRemoveResponse instance
         */
        static create(properties: etcdserverpb.MemberRemoveResponse.$Shape): etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape;
        static create(properties?: etcdserverpb.MemberRemoveResponse.$Properties): etcdserverpb.MemberRemoveResponse;

        /**
         * Encodes the specified MemberRemoveResponse message. Does not implicitly {@link etcdserverpb.MemberRemoveResponse.verify|verify} messages.
         * @param message MemberRemoveResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberRemoveResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberRemoveResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape} MemberRemoveResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberRemoveResponse & etcdserverpb.MemberRemoveResponse.$Shape;

        /**
         * Gets the type url for MemberRemoveResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberRemoveResponse {

        /** Properties of a MemberRemoveResponse. */
        interface $Properties {

            /** MemberRemoveResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberRemoveResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberRemoveResponse. */
        type $Shape = etcdserverpb.MemberRemoveResponse.$Properties;
    }

    /**
     * Properties of a MemberUpdateRequest.
     * @deprecated Use etcdserverpb.MemberUpdateRequest.$Properties instead.
     */
    interface IMemberUpdateRequest extends etcdserverpb.MemberUpdateRequest.$Properties {
    }

    /** Represents a MemberUpdateRequest. */
    class MemberUpdateRequest {

        /**
         * Constructs a new MemberUpdateRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberUpdateRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberUpdateRequest ID. */
        ID: number;

        /** MemberUpdateRequest peerURLs. */
        peerURLs: string[];

        /**
         * Creates a new MemberUpdateRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberUpdateRequest instance
         */
        static create(properties: etcdserverpb.MemberUpdateRequest.$Shape): etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape;
        static create(properties?: etcdserverpb.MemberUpdateRequest.$Properties): etcdserverpb.MemberUpdateRequest;

        /**
         * Encodes the specified MemberUpdateRequest message. Does not implicitly {@link etcdserverpb.MemberUpdateRequest.verify|verify} messages.
         * @param message MemberUpdateRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberUpdateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberUpdateRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape} MemberUpdateRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberUpdateRequest & etcdserverpb.MemberUpdateRequest.$Shape;

        /**
         * Gets the type url for MemberUpdateRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberUpdateRequest {

        /** Properties of a MemberUpdateRequest. */
        interface $Properties {

            /** MemberUpdateRequest ID */
            ID?: (number|null);

            /** MemberUpdateRequest peerURLs */
            peerURLs?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberUpdateRequest. */
        type $Shape = etcdserverpb.MemberUpdateRequest.$Properties;
    }

    /**
     * Properties of a MemberUpdateResponse.
     * @deprecated Use etcdserverpb.MemberUpdateResponse.$Properties instead.
     */
    interface IMemberUpdateResponse extends etcdserverpb.MemberUpdateResponse.$Properties {
    }

    /** Represents a MemberUpdateResponse. */
    class MemberUpdateResponse {

        /**
         * Constructs a new MemberUpdateResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberUpdateResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberUpdateResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberUpdateResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberUpdateResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberUpdateResponse instance
         */
        static create(properties: etcdserverpb.MemberUpdateResponse.$Shape): etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape;
        static create(properties?: etcdserverpb.MemberUpdateResponse.$Properties): etcdserverpb.MemberUpdateResponse;

        /**
         * Encodes the specified MemberUpdateResponse message. Does not implicitly {@link etcdserverpb.MemberUpdateResponse.verify|verify} messages.
         * @param message MemberUpdateResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberUpdateResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberUpdateResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape} MemberUpdateResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberUpdateResponse & etcdserverpb.MemberUpdateResponse.$Shape;

        /**
         * Gets the type url for MemberUpdateResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberUpdateResponse {

        /** Properties of a MemberUpdateResponse. */
        interface $Properties {

            /** MemberUpdateResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberUpdateResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberUpdateResponse. */
        type $Shape = etcdserverpb.MemberUpdateResponse.$Properties;
    }

    /**
     * Properties of a MemberListRequest.
     * @deprecated Use etcdserverpb.MemberListRequest.$Properties instead.
     */
    interface IMemberListRequest extends etcdserverpb.MemberListRequest.$Properties {
    }

    /** Represents a MemberListRequest. */
    class MemberListRequest {

        /**
         * Constructs a new MemberListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberListRequest linearizable. */
        linearizable: boolean;

        /**
         * Creates a new MemberListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberListRequest instance
         */
        static create(properties: etcdserverpb.MemberListRequest.$Shape): etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape;
        static create(properties?: etcdserverpb.MemberListRequest.$Properties): etcdserverpb.MemberListRequest;

        /**
         * Encodes the specified MemberListRequest message. Does not implicitly {@link etcdserverpb.MemberListRequest.verify|verify} messages.
         * @param message MemberListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape} MemberListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberListRequest & etcdserverpb.MemberListRequest.$Shape;

        /**
         * Gets the type url for MemberListRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberListRequest {

        /** Properties of a MemberListRequest. */
        interface $Properties {

            /** MemberListRequest linearizable */
            linearizable?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberListRequest. */
        type $Shape = etcdserverpb.MemberListRequest.$Properties;
    }

    /**
     * Properties of a MemberListResponse.
     * @deprecated Use etcdserverpb.MemberListResponse.$Properties instead.
     */
    interface IMemberListResponse extends etcdserverpb.MemberListResponse.$Properties {
    }

    /** Represents a MemberListResponse. */
    class MemberListResponse {

        /**
         * Constructs a new MemberListResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberListResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberListResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberListResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberListResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberListResponse instance
         */
        static create(properties: etcdserverpb.MemberListResponse.$Shape): etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape;
        static create(properties?: etcdserverpb.MemberListResponse.$Properties): etcdserverpb.MemberListResponse;

        /**
         * Encodes the specified MemberListResponse message. Does not implicitly {@link etcdserverpb.MemberListResponse.verify|verify} messages.
         * @param message MemberListResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberListResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberListResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape} MemberListResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberListResponse & etcdserverpb.MemberListResponse.$Shape;

        /**
         * Gets the type url for MemberListResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberListResponse {

        /** Properties of a MemberListResponse. */
        interface $Properties {

            /** MemberListResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberListResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberListResponse. */
        type $Shape = etcdserverpb.MemberListResponse.$Properties;
    }

    /**
     * Properties of a MemberPromoteRequest.
     * @deprecated Use etcdserverpb.MemberPromoteRequest.$Properties instead.
     */
    interface IMemberPromoteRequest extends etcdserverpb.MemberPromoteRequest.$Properties {
    }

    /** Represents a MemberPromoteRequest. */
    class MemberPromoteRequest {

        /**
         * Constructs a new MemberPromoteRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberPromoteRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberPromoteRequest ID. */
        ID: number;

        /**
         * Creates a new MemberPromoteRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberPromoteRequest instance
         */
        static create(properties: etcdserverpb.MemberPromoteRequest.$Shape): etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape;
        static create(properties?: etcdserverpb.MemberPromoteRequest.$Properties): etcdserverpb.MemberPromoteRequest;

        /**
         * Encodes the specified MemberPromoteRequest message. Does not implicitly {@link etcdserverpb.MemberPromoteRequest.verify|verify} messages.
         * @param message MemberPromoteRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberPromoteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberPromoteRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape} MemberPromoteRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberPromoteRequest & etcdserverpb.MemberPromoteRequest.$Shape;

        /**
         * Gets the type url for MemberPromoteRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberPromoteRequest {

        /** Properties of a MemberPromoteRequest. */
        interface $Properties {

            /** MemberPromoteRequest ID */
            ID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberPromoteRequest. */
        type $Shape = etcdserverpb.MemberPromoteRequest.$Properties;
    }

    /**
     * Properties of a MemberPromoteResponse.
     * @deprecated Use etcdserverpb.MemberPromoteResponse.$Properties instead.
     */
    interface IMemberPromoteResponse extends etcdserverpb.MemberPromoteResponse.$Properties {
    }

    /** Represents a MemberPromoteResponse. */
    class MemberPromoteResponse {

        /**
         * Constructs a new MemberPromoteResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MemberPromoteResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MemberPromoteResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** MemberPromoteResponse members. */
        members: etcdserverpb.Member.$Properties[];

        /**
         * Creates a new MemberPromoteResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MemberPromoteResponse instance
         */
        static create(properties: etcdserverpb.MemberPromoteResponse.$Shape): etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape;
        static create(properties?: etcdserverpb.MemberPromoteResponse.$Properties): etcdserverpb.MemberPromoteResponse;

        /**
         * Encodes the specified MemberPromoteResponse message. Does not implicitly {@link etcdserverpb.MemberPromoteResponse.verify|verify} messages.
         * @param message MemberPromoteResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MemberPromoteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MemberPromoteResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape} MemberPromoteResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MemberPromoteResponse & etcdserverpb.MemberPromoteResponse.$Shape;

        /**
         * Gets the type url for MemberPromoteResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MemberPromoteResponse {

        /** Properties of a MemberPromoteResponse. */
        interface $Properties {

            /** MemberPromoteResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** MemberPromoteResponse members */
            members?: (etcdserverpb.Member.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MemberPromoteResponse. */
        type $Shape = etcdserverpb.MemberPromoteResponse.$Properties;
    }

    /**
     * Properties of a DefragmentRequest.
     * @deprecated Use etcdserverpb.DefragmentRequest.$Properties instead.
     */
    interface IDefragmentRequest extends etcdserverpb.DefragmentRequest.$Properties {
    }

    /** Represents a DefragmentRequest. */
    class DefragmentRequest {

        /**
         * Constructs a new DefragmentRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.DefragmentRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new DefragmentRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DefragmentRequest instance
         */
        static create(properties: etcdserverpb.DefragmentRequest.$Shape): etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape;
        static create(properties?: etcdserverpb.DefragmentRequest.$Properties): etcdserverpb.DefragmentRequest;

        /**
         * Encodes the specified DefragmentRequest message. Does not implicitly {@link etcdserverpb.DefragmentRequest.verify|verify} messages.
         * @param message DefragmentRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.DefragmentRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DefragmentRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape} DefragmentRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DefragmentRequest & etcdserverpb.DefragmentRequest.$Shape;

        /**
         * Gets the type url for DefragmentRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DefragmentRequest {

        /** Properties of a DefragmentRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DefragmentRequest. */
        type $Shape = etcdserverpb.DefragmentRequest.$Properties;
    }

    /**
     * Properties of a DefragmentResponse.
     * @deprecated Use etcdserverpb.DefragmentResponse.$Properties instead.
     */
    interface IDefragmentResponse extends etcdserverpb.DefragmentResponse.$Properties {
    }

    /** Represents a DefragmentResponse. */
    class DefragmentResponse {

        /**
         * Constructs a new DefragmentResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.DefragmentResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DefragmentResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new DefragmentResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DefragmentResponse instance
         */
        static create(properties: etcdserverpb.DefragmentResponse.$Shape): etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape;
        static create(properties?: etcdserverpb.DefragmentResponse.$Properties): etcdserverpb.DefragmentResponse;

        /**
         * Encodes the specified DefragmentResponse message. Does not implicitly {@link etcdserverpb.DefragmentResponse.verify|verify} messages.
         * @param message DefragmentResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.DefragmentResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DefragmentResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape} DefragmentResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.DefragmentResponse & etcdserverpb.DefragmentResponse.$Shape;

        /**
         * Gets the type url for DefragmentResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DefragmentResponse {

        /** Properties of a DefragmentResponse. */
        interface $Properties {

            /** DefragmentResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DefragmentResponse. */
        type $Shape = etcdserverpb.DefragmentResponse.$Properties;
    }

    /**
     * Properties of a MoveLeaderRequest.
     * @deprecated Use etcdserverpb.MoveLeaderRequest.$Properties instead.
     */
    interface IMoveLeaderRequest extends etcdserverpb.MoveLeaderRequest.$Properties {
    }

    /** Represents a MoveLeaderRequest. */
    class MoveLeaderRequest {

        /**
         * Constructs a new MoveLeaderRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MoveLeaderRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MoveLeaderRequest targetID. */
        targetID: number;

        /**
         * Creates a new MoveLeaderRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MoveLeaderRequest instance
         */
        static create(properties: etcdserverpb.MoveLeaderRequest.$Shape): etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape;
        static create(properties?: etcdserverpb.MoveLeaderRequest.$Properties): etcdserverpb.MoveLeaderRequest;

        /**
         * Encodes the specified MoveLeaderRequest message. Does not implicitly {@link etcdserverpb.MoveLeaderRequest.verify|verify} messages.
         * @param message MoveLeaderRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MoveLeaderRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MoveLeaderRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape} MoveLeaderRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MoveLeaderRequest & etcdserverpb.MoveLeaderRequest.$Shape;

        /**
         * Gets the type url for MoveLeaderRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MoveLeaderRequest {

        /** Properties of a MoveLeaderRequest. */
        interface $Properties {

            /** MoveLeaderRequest targetID */
            targetID?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MoveLeaderRequest. */
        type $Shape = etcdserverpb.MoveLeaderRequest.$Properties;
    }

    /**
     * Properties of a MoveLeaderResponse.
     * @deprecated Use etcdserverpb.MoveLeaderResponse.$Properties instead.
     */
    interface IMoveLeaderResponse extends etcdserverpb.MoveLeaderResponse.$Properties {
    }

    /** Represents a MoveLeaderResponse. */
    class MoveLeaderResponse {

        /**
         * Constructs a new MoveLeaderResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.MoveLeaderResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MoveLeaderResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /**
         * Creates a new MoveLeaderResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MoveLeaderResponse instance
         */
        static create(properties: etcdserverpb.MoveLeaderResponse.$Shape): etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape;
        static create(properties?: etcdserverpb.MoveLeaderResponse.$Properties): etcdserverpb.MoveLeaderResponse;

        /**
         * Encodes the specified MoveLeaderResponse message. Does not implicitly {@link etcdserverpb.MoveLeaderResponse.verify|verify} messages.
         * @param message MoveLeaderResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.MoveLeaderResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MoveLeaderResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape} MoveLeaderResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.MoveLeaderResponse & etcdserverpb.MoveLeaderResponse.$Shape;

        /**
         * Gets the type url for MoveLeaderResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MoveLeaderResponse {

        /** Properties of a MoveLeaderResponse. */
        interface $Properties {

            /** MoveLeaderResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MoveLeaderResponse. */
        type $Shape = etcdserverpb.MoveLeaderResponse.$Properties;
    }

    /** AlarmType enum. */
    enum AlarmType {

        /** NONE value */
        NONE = 0,

        /** NOSPACE value */
        NOSPACE = 1,

        /** CORRUPT value */
        CORRUPT = 2
    }

    /**
     * Properties of an AlarmRequest.
     * @deprecated Use etcdserverpb.AlarmRequest.$Properties instead.
     */
    interface IAlarmRequest extends etcdserverpb.AlarmRequest.$Properties {
    }

    /** Represents an AlarmRequest. */
    class AlarmRequest {

        /**
         * Constructs a new AlarmRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AlarmRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AlarmRequest action. */
        action: etcdserverpb.AlarmRequest.AlarmAction;

        /** AlarmRequest memberID. */
        memberID: number;

        /** AlarmRequest alarm. */
        alarm: etcdserverpb.AlarmType;

        /**
         * Creates a new AlarmRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmRequest instance
         */
        static create(properties: etcdserverpb.AlarmRequest.$Shape): etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape;
        static create(properties?: etcdserverpb.AlarmRequest.$Properties): etcdserverpb.AlarmRequest;

        /**
         * Encodes the specified AlarmRequest message. Does not implicitly {@link etcdserverpb.AlarmRequest.verify|verify} messages.
         * @param message AlarmRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AlarmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape} AlarmRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AlarmRequest & etcdserverpb.AlarmRequest.$Shape;

        /**
         * Gets the type url for AlarmRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AlarmRequest {

        /** Properties of an AlarmRequest. */
        interface $Properties {

            /** AlarmRequest action */
            action?: (etcdserverpb.AlarmRequest.AlarmAction|null);

            /** AlarmRequest memberID */
            memberID?: (number|null);

            /** AlarmRequest alarm */
            alarm?: (etcdserverpb.AlarmType|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AlarmRequest. */
        type $Shape = etcdserverpb.AlarmRequest.$Properties;

        /** AlarmAction enum. */
        enum AlarmAction {

            /** GET value */
            GET = 0,

            /** ACTIVATE value */
            ACTIVATE = 1,

            /** DEACTIVATE value */
            DEACTIVATE = 2
        }
    }

    /**
     * Properties of an AlarmMember.
     * @deprecated Use etcdserverpb.AlarmMember.$Properties instead.
     */
    interface IAlarmMember extends etcdserverpb.AlarmMember.$Properties {
    }

    /** Represents an AlarmMember. */
    class AlarmMember {

        /**
         * Constructs a new AlarmMember.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AlarmMember.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AlarmMember memberID. */
        memberID: number;

        /** AlarmMember alarm. */
        alarm: etcdserverpb.AlarmType;

        /**
         * Creates a new AlarmMember instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmMember instance
         */
        static create(properties: etcdserverpb.AlarmMember.$Shape): etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape;
        static create(properties?: etcdserverpb.AlarmMember.$Properties): etcdserverpb.AlarmMember;

        /**
         * Encodes the specified AlarmMember message. Does not implicitly {@link etcdserverpb.AlarmMember.verify|verify} messages.
         * @param message AlarmMember message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AlarmMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmMember message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape} AlarmMember
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AlarmMember & etcdserverpb.AlarmMember.$Shape;

        /**
         * Gets the type url for AlarmMember
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AlarmMember {

        /** Properties of an AlarmMember. */
        interface $Properties {

            /** AlarmMember memberID */
            memberID?: (number|null);

            /** AlarmMember alarm */
            alarm?: (etcdserverpb.AlarmType|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AlarmMember. */
        type $Shape = etcdserverpb.AlarmMember.$Properties;
    }

    /**
     * Properties of an AlarmResponse.
     * @deprecated Use etcdserverpb.AlarmResponse.$Properties instead.
     */
    interface IAlarmResponse extends etcdserverpb.AlarmResponse.$Properties {
    }

    /** Represents an AlarmResponse. */
    class AlarmResponse {

        /**
         * Constructs a new AlarmResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.AlarmResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AlarmResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** AlarmResponse alarms. */
        alarms: etcdserverpb.AlarmMember.$Properties[];

        /**
         * Creates a new AlarmResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AlarmResponse instance
         */
        static create(properties: etcdserverpb.AlarmResponse.$Shape): etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape;
        static create(properties?: etcdserverpb.AlarmResponse.$Properties): etcdserverpb.AlarmResponse;

        /**
         * Encodes the specified AlarmResponse message. Does not implicitly {@link etcdserverpb.AlarmResponse.verify|verify} messages.
         * @param message AlarmResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.AlarmResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AlarmResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape} AlarmResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.AlarmResponse & etcdserverpb.AlarmResponse.$Shape;

        /**
         * Gets the type url for AlarmResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AlarmResponse {

        /** Properties of an AlarmResponse. */
        interface $Properties {

            /** AlarmResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** AlarmResponse alarms */
            alarms?: (etcdserverpb.AlarmMember.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AlarmResponse. */
        type $Shape = etcdserverpb.AlarmResponse.$Properties;
    }

    /**
     * Properties of a StatusRequest.
     * @deprecated Use etcdserverpb.StatusRequest.$Properties instead.
     */
    interface IStatusRequest extends etcdserverpb.StatusRequest.$Properties {
    }

    /** Represents a StatusRequest. */
    class StatusRequest {

        /**
         * Constructs a new StatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.StatusRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new StatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusRequest instance
         */
        static create(properties: etcdserverpb.StatusRequest.$Shape): etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape;
        static create(properties?: etcdserverpb.StatusRequest.$Properties): etcdserverpb.StatusRequest;

        /**
         * Encodes the specified StatusRequest message. Does not implicitly {@link etcdserverpb.StatusRequest.verify|verify} messages.
         * @param message StatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.StatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape} StatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.StatusRequest & etcdserverpb.StatusRequest.$Shape;

        /**
         * Gets the type url for StatusRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatusRequest {

        /** Properties of a StatusRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatusRequest. */
        type $Shape = etcdserverpb.StatusRequest.$Properties;
    }

    /**
     * Properties of a StatusResponse.
     * @deprecated Use etcdserverpb.StatusResponse.$Properties instead.
     */
    interface IStatusResponse extends etcdserverpb.StatusResponse.$Properties {
    }

    /** Represents a StatusResponse. */
    class StatusResponse {

        /**
         * Constructs a new StatusResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: etcdserverpb.StatusResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatusResponse header. */
        header?: (etcdserverpb.ResponseHeader.$Properties|null);

        /** StatusResponse version. */
        version: string;

        /** StatusResponse dbSize. */
        dbSize: number;

        /** StatusResponse leader. */
        leader: number;

        /** StatusResponse raftIndex. */
        raftIndex: number;

        /** StatusResponse raftTerm. */
        raftTerm: number;

        /** StatusResponse raftAppliedIndex. */
        raftAppliedIndex: number;

        /** StatusResponse errors. */
        errors: string[];

        /** StatusResponse dbSizeInUse. */
        dbSizeInUse: number;

        /** StatusResponse isLearner. */
        isLearner: boolean;

        /**
         * Creates a new StatusResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusResponse instance
         */
        static create(properties: etcdserverpb.StatusResponse.$Shape): etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape;
        static create(properties?: etcdserverpb.StatusResponse.$Properties): etcdserverpb.StatusResponse;

        /**
         * Encodes the specified StatusResponse message. Does not implicitly {@link etcdserverpb.StatusResponse.verify|verify} messages.
         * @param message StatusResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etcdserverpb.StatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape} StatusResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etcdserverpb.StatusResponse & etcdserverpb.StatusResponse.$Shape;

        /**
         * Gets the type url for StatusResponse
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StatusResponse {

        /** Properties of a StatusResponse. */
        interface $Properties {

            /** StatusResponse header */
            header?: (etcdserverpb.ResponseHeader.$Properties|null);

            /** StatusResponse version */
            version?: (string|null);

            /** StatusResponse dbSize */
            dbSize?: (number|null);

            /** StatusResponse leader */
            leader?: (number|null);

            /** StatusResponse raftIndex */
            raftIndex?: (number|null);

            /** StatusResponse raftTerm */
            raftTerm?: (number|null);

            /** StatusResponse raftAppliedIndex */
            raftAppliedIndex?: (number|null);

            /** StatusResponse errors */
            errors?: (string[]|null);

            /** StatusResponse dbSizeInUse */
            dbSizeInUse?: (number|null);

            /** StatusResponse isLearner */
            isLearner?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatusResponse. */
        type $Shape = etcdserverpb.StatusResponse.$Properties;
    }
}

/** Namespace mvccpb. */
export namespace mvccpb {

    /**
     * Properties of a KeyValue.
     * @deprecated Use mvccpb.KeyValue.$Properties instead.
     */
    interface IKeyValue extends mvccpb.KeyValue.$Properties {
    }

    /** Represents a KeyValue. */
    class KeyValue {

        /**
         * Constructs a new KeyValue.
         * @param [properties] Properties to set
         */
        constructor(properties?: mvccpb.KeyValue.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeyValue key. */
        key: Uint8Array;

        /** KeyValue createRevision. */
        createRevision: number;

        /** KeyValue modRevision. */
        modRevision: number;

        /** KeyValue version. */
        version: number;

        /** KeyValue value. */
        value: Uint8Array;

        /** KeyValue lease. */
        lease: number;

        /**
         * Creates a new KeyValue instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeyValue instance
         */
        static create(properties: mvccpb.KeyValue.$Shape): mvccpb.KeyValue & mvccpb.KeyValue.$Shape;
        static create(properties?: mvccpb.KeyValue.$Properties): mvccpb.KeyValue;

        /**
         * Encodes the specified KeyValue message. Does not implicitly {@link mvccpb.KeyValue.verify|verify} messages.
         * @param message KeyValue message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mvccpb.KeyValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeyValue message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mvccpb.KeyValue & mvccpb.KeyValue.$Shape} KeyValue
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mvccpb.KeyValue & mvccpb.KeyValue.$Shape;

        /**
         * Gets the type url for KeyValue
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KeyValue {

        /** Properties of a KeyValue. */
        interface $Properties {

            /** KeyValue key */
            key?: (Uint8Array|null);

            /** KeyValue createRevision */
            createRevision?: (number|null);

            /** KeyValue modRevision */
            modRevision?: (number|null);

            /** KeyValue version */
            version?: (number|null);

            /** KeyValue value */
            value?: (Uint8Array|null);

            /** KeyValue lease */
            lease?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeyValue. */
        type $Shape = mvccpb.KeyValue.$Properties;
    }

    /**
     * Properties of an Event.
     * @deprecated Use mvccpb.Event.$Properties instead.
     */
    interface IEvent extends mvccpb.Event.$Properties {
    }

    /** Represents an Event. */
    class Event {

        /**
         * Constructs a new Event.
         * @param [properties] Properties to set
         */
        constructor(properties?: mvccpb.Event.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Event type. */
        type: mvccpb.Event.EventType;

        /** Event kv. */
        kv?: (mvccpb.KeyValue.$Properties|null);

        /** Event prevKv. */
        prevKv?: (mvccpb.KeyValue.$Properties|null);

        /**
         * Creates a new Event instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Event instance
         */
        static create(properties: mvccpb.Event.$Shape): mvccpb.Event & mvccpb.Event.$Shape;
        static create(properties?: mvccpb.Event.$Properties): mvccpb.Event;

        /**
         * Encodes the specified Event message. Does not implicitly {@link mvccpb.Event.verify|verify} messages.
         * @param message Event message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mvccpb.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mvccpb.Event & mvccpb.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mvccpb.Event & mvccpb.Event.$Shape;

        /**
         * Gets the type url for Event
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Event {

        /** Properties of an Event. */
        interface $Properties {

            /** Event type */
            type?: (mvccpb.Event.EventType|null);

            /** Event kv */
            kv?: (mvccpb.KeyValue.$Properties|null);

            /** Event prevKv */
            prevKv?: (mvccpb.KeyValue.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Event. */
        type $Shape = mvccpb.Event.$Properties;

        /** EventType enum. */
        enum EventType {

            /** PUT value */
            PUT = 0,

            /** DELETE value */
            DELETE = 1
        }
    }
}

/** Namespace mgmtkv. */
export namespace mgmtkv {

    /**
     * Properties of an AuthRequest.
     * @deprecated Use mgmtkv.AuthRequest.$Properties instead.
     */
    interface IAuthRequest extends mgmtkv.AuthRequest.$Properties {
    }

    /** Represents an AuthRequest. */
    class AuthRequest {

        /**
         * Constructs a new AuthRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.AuthRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthRequest enable. */
        enable?: (etcdserverpb.AuthEnableRequest.$Properties|null);

        /** AuthRequest disable. */
        disable?: (etcdserverpb.AuthDisableRequest.$Properties|null);

        /** AuthRequest userAdd. */
        userAdd?: (etcdserverpb.AuthUserAddRequest.$Properties|null);

        /** AuthRequest userDelete. */
        userDelete?: (etcdserverpb.AuthUserDeleteRequest.$Properties|null);

        /** AuthRequest userChangePassword. */
        userChangePassword?: (etcdserverpb.AuthUserChangePasswordRequest.$Properties|null);

        /** AuthRequest userGrantRole. */
        userGrantRole?: (etcdserverpb.AuthUserGrantRoleRequest.$Properties|null);

        /** AuthRequest userRevokeRole. */
        userRevokeRole?: (etcdserverpb.AuthUserRevokeRoleRequest.$Properties|null);

        /** AuthRequest roleAdd. */
        roleAdd?: (etcdserverpb.AuthRoleAddRequest.$Properties|null);

        /** AuthRequest roleDelete. */
        roleDelete?: (etcdserverpb.AuthRoleDeleteRequest.$Properties|null);

        /** AuthRequest roleGrantPermission. */
        roleGrantPermission?: (etcdserverpb.AuthRoleGrantPermissionRequest.$Properties|null);

        /** AuthRequest roleRevokePermission. */
        roleRevokePermission?: (etcdserverpb.AuthRoleRevokePermissionRequest.$Properties|null);

        /** AuthRequest user. */
        user: string;

        /** AuthRequest tokenSecret. */
        tokenSecret: Uint8Array;

        /** AuthRequest op. */
        op?: ("enable"|"disable"|"userAdd"|"userDelete"|"userChangePassword"|"userGrantRole"|"userRevokeRole"|"roleAdd"|"roleDelete"|"roleGrantPermission"|"roleRevokePermission");

        /**
         * Creates a new AuthRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthRequest instance
         */
        static create(properties: mgmtkv.AuthRequest.$Shape): mgmtkv.AuthRequest & mgmtkv.AuthRequest.$Shape;
        static create(properties?: mgmtkv.AuthRequest.$Properties): mgmtkv.AuthRequest;

        /**
         * Encodes the specified AuthRequest message. Does not implicitly {@link mgmtkv.AuthRequest.verify|verify} messages.
         * @param message AuthRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.AuthRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.AuthRequest & mgmtkv.AuthRequest.$Shape} AuthRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.AuthRequest & mgmtkv.AuthRequest.$Shape;

        /**
         * Gets the type url for AuthRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthRequest {

        /** Properties of an AuthRequest. */
        interface $Properties {

            /** AuthRequest enable */
            enable?: (etcdserverpb.AuthEnableRequest.$Properties|null);

            /** AuthRequest disable */
            disable?: (etcdserverpb.AuthDisableRequest.$Properties|null);

            /** AuthRequest userAdd */
            userAdd?: (etcdserverpb.AuthUserAddRequest.$Properties|null);

            /** AuthRequest userDelete */
            userDelete?: (etcdserverpb.AuthUserDeleteRequest.$Properties|null);

            /** AuthRequest userChangePassword */
            userChangePassword?: (etcdserverpb.AuthUserChangePasswordRequest.$Properties|null);

            /** AuthRequest userGrantRole */
            userGrantRole?: (etcdserverpb.AuthUserGrantRoleRequest.$Properties|null);

            /** AuthRequest userRevokeRole */
            userRevokeRole?: (etcdserverpb.AuthUserRevokeRoleRequest.$Properties|null);

            /** AuthRequest roleAdd */
            roleAdd?: (etcdserverpb.AuthRoleAddRequest.$Properties|null);

            /** AuthRequest roleDelete */
            roleDelete?: (etcdserverpb.AuthRoleDeleteRequest.$Properties|null);

            /** AuthRequest roleGrantPermission */
            roleGrantPermission?: (etcdserverpb.AuthRoleGrantPermissionRequest.$Properties|null);

            /** AuthRequest roleRevokePermission */
            roleRevokePermission?: (etcdserverpb.AuthRoleRevokePermissionRequest.$Properties|null);

            /** AuthRequest user */
            user?: (string|null);

            /** AuthRequest tokenSecret */
            tokenSecret?: (Uint8Array|null);

            /** AuthRequest op */
            op?: ("enable"|"disable"|"userAdd"|"userDelete"|"userChangePassword"|"userGrantRole"|"userRevokeRole"|"roleAdd"|"roleDelete"|"roleGrantPermission"|"roleRevokePermission");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an AuthRequest. */
        type $Shape = {
          enable?: etcdserverpb.AuthEnableRequest.$Shape|null;
          disable?: etcdserverpb.AuthDisableRequest.$Shape|null;
          userAdd?: etcdserverpb.AuthUserAddRequest.$Shape|null;
          userDelete?: etcdserverpb.AuthUserDeleteRequest.$Shape|null;
          userChangePassword?: etcdserverpb.AuthUserChangePasswordRequest.$Shape|null;
          userGrantRole?: etcdserverpb.AuthUserGrantRoleRequest.$Shape|null;
          userRevokeRole?: etcdserverpb.AuthUserRevokeRoleRequest.$Shape|null;
          roleAdd?: etcdserverpb.AuthRoleAddRequest.$Shape|null;
          roleDelete?: etcdserverpb.AuthRoleDeleteRequest.$Shape|null;
          roleGrantPermission?: etcdserverpb.AuthRoleGrantPermissionRequest.$Shape|null;
          roleRevokePermission?: etcdserverpb.AuthRoleRevokePermissionRequest.$Shape|null;
          user?: string|null;
          tokenSecret?: Uint8Array|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ op?: undefined; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "enable"; enable: etcdserverpb.AuthEnableRequest.$Shape; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "disable"; enable?: null; disable: etcdserverpb.AuthDisableRequest.$Shape; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "userAdd"; enable?: null; disable?: null; userAdd: etcdserverpb.AuthUserAddRequest.$Shape; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "userDelete"; enable?: null; disable?: null; userAdd?: null; userDelete: etcdserverpb.AuthUserDeleteRequest.$Shape; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "userChangePassword"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword: etcdserverpb.AuthUserChangePasswordRequest.$Shape; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "userGrantRole"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole: etcdserverpb.AuthUserGrantRoleRequest.$Shape; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "userRevokeRole"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole: etcdserverpb.AuthUserRevokeRoleRequest.$Shape; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "roleAdd"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd: etcdserverpb.AuthRoleAddRequest.$Shape; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "roleDelete"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete: etcdserverpb.AuthRoleDeleteRequest.$Shape; roleGrantPermission?: null; roleRevokePermission?: null }|{ op?: "roleGrantPermission"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission: etcdserverpb.AuthRoleGrantPermissionRequest.$Shape; roleRevokePermission?: null }|{ op?: "roleRevokePermission"; enable?: null; disable?: null; userAdd?: null; userDelete?: null; userChangePassword?: null; userGrantRole?: null; userRevokeRole?: null; roleAdd?: null; roleDelete?: null; roleGrantPermission?: null; roleRevokePermission: etcdserverpb.AuthRoleRevokePermissionRequest.$Shape })
        );
    }

    /**
     * Properties of an AuthUserRecord.
     * @deprecated Use mgmtkv.AuthUserRecord.$Properties instead.
     */
    interface IAuthUserRecord extends mgmtkv.AuthUserRecord.$Properties {
    }

    /** Represents an AuthUserRecord. */
    class AuthUserRecord {

        /**
         * Constructs a new AuthUserRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.AuthUserRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthUserRecord user. */
        user?: (authpb.User.$Properties|null);

        /** AuthUserRecord revision. */
        revision: number;

        /**
         * Creates a new AuthUserRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthUserRecord instance
         */
        static create(properties: mgmtkv.AuthUserRecord.$Shape): mgmtkv.AuthUserRecord & mgmtkv.AuthUserRecord.$Shape;
        static create(properties?: mgmtkv.AuthUserRecord.$Properties): mgmtkv.AuthUserRecord;

        /**
         * Encodes the specified AuthUserRecord message. Does not implicitly {@link mgmtkv.AuthUserRecord.verify|verify} messages.
         * @param message AuthUserRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.AuthUserRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthUserRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.AuthUserRecord & mgmtkv.AuthUserRecord.$Shape} AuthUserRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.AuthUserRecord & mgmtkv.AuthUserRecord.$Shape;

        /**
         * Gets the type url for AuthUserRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthUserRecord {

        /** Properties of an AuthUserRecord. */
        interface $Properties {

            /** AuthUserRecord user */
            user?: (authpb.User.$Properties|null);

            /** AuthUserRecord revision */
            revision?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthUserRecord. */
        type $Shape = mgmtkv.AuthUserRecord.$Properties;
    }

    /**
     * Properties of an AuthSnapshot.
     * @deprecated Use mgmtkv.AuthSnapshot.$Properties instead.
     */
    interface IAuthSnapshot extends mgmtkv.AuthSnapshot.$Properties {
    }

    /** Represents an AuthSnapshot. */
    class AuthSnapshot {

        /**
         * Constructs a new AuthSnapshot.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.AuthSnapshot.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AuthSnapshot enabled. */
        enabled: boolean;

        /** AuthSnapshot revision. */
        revision: number;

        /** AuthSnapshot tokenSecret. */
        tokenSecret: Uint8Array;

        /** AuthSnapshot users. */
        users: mgmtkv.AuthUserRecord.$Properties[];

        /** AuthSnapshot roles. */
        roles: authpb.Role.$Properties[];

        /**
         * Creates a new AuthSnapshot instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AuthSnapshot instance
         */
        static create(properties: mgmtkv.AuthSnapshot.$Shape): mgmtkv.AuthSnapshot & mgmtkv.AuthSnapshot.$Shape;
        static create(properties?: mgmtkv.AuthSnapshot.$Properties): mgmtkv.AuthSnapshot;

        /**
         * Encodes the specified AuthSnapshot message. Does not implicitly {@link mgmtkv.AuthSnapshot.verify|verify} messages.
         * @param message AuthSnapshot message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.AuthSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AuthSnapshot message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.AuthSnapshot & mgmtkv.AuthSnapshot.$Shape} AuthSnapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.AuthSnapshot & mgmtkv.AuthSnapshot.$Shape;

        /**
         * Gets the type url for AuthSnapshot
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AuthSnapshot {

        /** Properties of an AuthSnapshot. */
        interface $Properties {

            /** AuthSnapshot enabled */
            enabled?: (boolean|null);

            /** AuthSnapshot revision */
            revision?: (number|null);

            /** AuthSnapshot tokenSecret */
            tokenSecret?: (Uint8Array|null);

            /** AuthSnapshot users */
            users?: (mgmtkv.AuthUserRecord.$Properties[]|null);

            /** AuthSnapshot roles */
            roles?: (authpb.Role.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AuthSnapshot. */
        type $Shape = mgmtkv.AuthSnapshot.$Properties;
    }

    /**
     * Properties of a CommandHeader.
     * @deprecated Use mgmtkv.CommandHeader.$Properties instead.
     */
    interface ICommandHeader extends mgmtkv.CommandHeader.$Properties {
    }

    /** Represents a CommandHeader. */
    class CommandHeader {

        /**
         * Constructs a new CommandHeader.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.CommandHeader.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CommandHeader id. */
        id: number;

        /**
         * Creates a new CommandHeader instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CommandHeader instance
         */
        static create(properties: mgmtkv.CommandHeader.$Shape): mgmtkv.CommandHeader & mgmtkv.CommandHeader.$Shape;
        static create(properties?: mgmtkv.CommandHeader.$Properties): mgmtkv.CommandHeader;

        /**
         * Encodes the specified CommandHeader message. Does not implicitly {@link mgmtkv.CommandHeader.verify|verify} messages.
         * @param message CommandHeader message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.CommandHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CommandHeader message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.CommandHeader & mgmtkv.CommandHeader.$Shape} CommandHeader
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.CommandHeader & mgmtkv.CommandHeader.$Shape;

        /**
         * Gets the type url for CommandHeader
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CommandHeader {

        /** Properties of a CommandHeader. */
        interface $Properties {

            /** CommandHeader id */
            id?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CommandHeader. */
        type $Shape = mgmtkv.CommandHeader.$Properties;
    }

    /**
     * Properties of a LeaseExpireRequest.
     * @deprecated Use mgmtkv.LeaseExpireRequest.$Properties instead.
     */
    interface ILeaseExpireRequest extends mgmtkv.LeaseExpireRequest.$Properties {
    }

    /** Represents a LeaseExpireRequest. */
    class LeaseExpireRequest {

        /**
         * Constructs a new LeaseExpireRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.LeaseExpireRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseExpireRequest IDs. */
        IDs: number[];

        /**
         * Creates a new LeaseExpireRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseExpireRequest instance
         */
        static create(properties: mgmtkv.LeaseExpireRequest.$Shape): mgmtkv.LeaseExpireRequest & mgmtkv.LeaseExpireRequest.$Shape;
        static create(properties?: mgmtkv.LeaseExpireRequest.$Properties): mgmtkv.LeaseExpireRequest;

        /**
         * Encodes the specified LeaseExpireRequest message. Does not implicitly {@link mgmtkv.LeaseExpireRequest.verify|verify} messages.
         * @param message LeaseExpireRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.LeaseExpireRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseExpireRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.LeaseExpireRequest & mgmtkv.LeaseExpireRequest.$Shape} LeaseExpireRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.LeaseExpireRequest & mgmtkv.LeaseExpireRequest.$Shape;

        /**
         * Gets the type url for LeaseExpireRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseExpireRequest {

        /** Properties of a LeaseExpireRequest. */
        interface $Properties {

            /** LeaseExpireRequest IDs */
            IDs?: (number[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseExpireRequest. */
        type $Shape = mgmtkv.LeaseExpireRequest.$Properties;
    }

    /**
     * Properties of a Command.
     * @deprecated Use mgmtkv.Command.$Properties instead.
     */
    interface ICommand extends mgmtkv.Command.$Properties {
    }

    /** Represents a Command. */
    class Command {

        /**
         * Constructs a new Command.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.Command.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Command version. */
        version: number;

        /** Command header. */
        header?: (mgmtkv.CommandHeader.$Properties|null);

        /** Command put. */
        put?: (etcdserverpb.PutRequest.$Properties|null);

        /** Command deleteRange. */
        deleteRange?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

        /** Command txn. */
        txn?: (etcdserverpb.TxnRequest.$Properties|null);

        /** Command compaction. */
        compaction?: (etcdserverpb.CompactionRequest.$Properties|null);

        /** Command leaseGrant. */
        leaseGrant?: (etcdserverpb.LeaseGrantRequest.$Properties|null);

        /** Command leaseRevoke. */
        leaseRevoke?: (etcdserverpb.LeaseRevokeRequest.$Properties|null);

        /** Command leaseExpire. */
        leaseExpire?: (mgmtkv.LeaseExpireRequest.$Properties|null);

        /** Command auth. */
        auth?: (mgmtkv.AuthRequest.$Properties|null);

        /** Command authUser. */
        authUser: string;

        /** Command request. */
        request?: ("put"|"deleteRange"|"txn"|"compaction"|"leaseGrant"|"leaseRevoke"|"leaseExpire"|"auth");

        /**
         * Creates a new Command instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Command instance
         */
        static create(properties: mgmtkv.Command.$Shape): mgmtkv.Command & mgmtkv.Command.$Shape;
        static create(properties?: mgmtkv.Command.$Properties): mgmtkv.Command;

        /**
         * Encodes the specified Command message. Does not implicitly {@link mgmtkv.Command.verify|verify} messages.
         * @param message Command message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Command message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.Command & mgmtkv.Command.$Shape} Command
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.Command & mgmtkv.Command.$Shape;

        /**
         * Gets the type url for Command
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Command {

        /** Properties of a Command. */
        interface $Properties {

            /** Command version */
            version?: (number|null);

            /** Command header */
            header?: (mgmtkv.CommandHeader.$Properties|null);

            /** Command put */
            put?: (etcdserverpb.PutRequest.$Properties|null);

            /** Command deleteRange */
            deleteRange?: (etcdserverpb.DeleteRangeRequest.$Properties|null);

            /** Command txn */
            txn?: (etcdserverpb.TxnRequest.$Properties|null);

            /** Command compaction */
            compaction?: (etcdserverpb.CompactionRequest.$Properties|null);

            /** Command leaseGrant */
            leaseGrant?: (etcdserverpb.LeaseGrantRequest.$Properties|null);

            /** Command leaseRevoke */
            leaseRevoke?: (etcdserverpb.LeaseRevokeRequest.$Properties|null);

            /** Command leaseExpire */
            leaseExpire?: (mgmtkv.LeaseExpireRequest.$Properties|null);

            /** Command auth */
            auth?: (mgmtkv.AuthRequest.$Properties|null);

            /** Command authUser */
            authUser?: (string|null);

            /** Command request */
            request?: ("put"|"deleteRange"|"txn"|"compaction"|"leaseGrant"|"leaseRevoke"|"leaseExpire"|"auth");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Command. */
        type $Shape = {
          version?: number|null;
          header?: mgmtkv.CommandHeader.$Shape|null;
          put?: etcdserverpb.PutRequest.$Shape|null;
          deleteRange?: etcdserverpb.DeleteRangeRequest.$Shape|null;
          txn?: etcdserverpb.TxnRequest.$Shape|null;
          compaction?: etcdserverpb.CompactionRequest.$Shape|null;
          leaseGrant?: etcdserverpb.LeaseGrantRequest.$Shape|null;
          leaseRevoke?: etcdserverpb.LeaseRevokeRequest.$Shape|null;
          leaseExpire?: mgmtkv.LeaseExpireRequest.$Shape|null;
          auth?: mgmtkv.AuthRequest.$Shape|null;
          authUser?: string|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ request?: undefined; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null; auth?: null }|{ request?: "put"; put: etcdserverpb.PutRequest.$Shape; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null; auth?: null }|{ request?: "deleteRange"; put?: null; deleteRange: etcdserverpb.DeleteRangeRequest.$Shape; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null; auth?: null }|{ request?: "txn"; put?: null; deleteRange?: null; txn: etcdserverpb.TxnRequest.$Shape; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null; auth?: null }|{ request?: "compaction"; put?: null; deleteRange?: null; txn?: null; compaction: etcdserverpb.CompactionRequest.$Shape; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null; auth?: null }|{ request?: "leaseGrant"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant: etcdserverpb.LeaseGrantRequest.$Shape; leaseRevoke?: null; leaseExpire?: null; auth?: null }|{ request?: "leaseRevoke"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke: etcdserverpb.LeaseRevokeRequest.$Shape; leaseExpire?: null; auth?: null }|{ request?: "leaseExpire"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire: mgmtkv.LeaseExpireRequest.$Shape; auth?: null }|{ request?: "auth"; put?: null; deleteRange?: null; txn?: null; compaction?: null; leaseGrant?: null; leaseRevoke?: null; leaseExpire?: null; auth: mgmtkv.AuthRequest.$Shape })
        );
    }

    /**
     * Properties of a KeyRecord.
     * @deprecated Use mgmtkv.KeyRecord.$Properties instead.
     */
    interface IKeyRecord extends mgmtkv.KeyRecord.$Properties {
    }

    /** Represents a KeyRecord. */
    class KeyRecord {

        /**
         * Constructs a new KeyRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.KeyRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeyRecord modRevision. */
        modRevision: number;

        /** KeyRecord subRevision. */
        subRevision: number;

        /** KeyRecord createRevision. */
        createRevision: number;

        /** KeyRecord version. */
        version: number;

        /** KeyRecord value. */
        value: Uint8Array;

        /** KeyRecord lease. */
        lease: number;

        /** KeyRecord tombstone. */
        tombstone: boolean;

        /**
         * Creates a new KeyRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeyRecord instance
         */
        static create(properties: mgmtkv.KeyRecord.$Shape): mgmtkv.KeyRecord & mgmtkv.KeyRecord.$Shape;
        static create(properties?: mgmtkv.KeyRecord.$Properties): mgmtkv.KeyRecord;

        /**
         * Encodes the specified KeyRecord message. Does not implicitly {@link mgmtkv.KeyRecord.verify|verify} messages.
         * @param message KeyRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.KeyRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeyRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.KeyRecord & mgmtkv.KeyRecord.$Shape} KeyRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.KeyRecord & mgmtkv.KeyRecord.$Shape;

        /**
         * Gets the type url for KeyRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KeyRecord {

        /** Properties of a KeyRecord. */
        interface $Properties {

            /** KeyRecord modRevision */
            modRevision?: (number|null);

            /** KeyRecord subRevision */
            subRevision?: (number|null);

            /** KeyRecord createRevision */
            createRevision?: (number|null);

            /** KeyRecord version */
            version?: (number|null);

            /** KeyRecord value */
            value?: (Uint8Array|null);

            /** KeyRecord lease */
            lease?: (number|null);

            /** KeyRecord tombstone */
            tombstone?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeyRecord. */
        type $Shape = mgmtkv.KeyRecord.$Properties;
    }

    /**
     * Properties of a KeyHistory.
     * @deprecated Use mgmtkv.KeyHistory.$Properties instead.
     */
    interface IKeyHistory extends mgmtkv.KeyHistory.$Properties {
    }

    /** Represents a KeyHistory. */
    class KeyHistory {

        /**
         * Constructs a new KeyHistory.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.KeyHistory.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KeyHistory key. */
        key: Uint8Array;

        /** KeyHistory records. */
        records: mgmtkv.KeyRecord.$Properties[];

        /**
         * Creates a new KeyHistory instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KeyHistory instance
         */
        static create(properties: mgmtkv.KeyHistory.$Shape): mgmtkv.KeyHistory & mgmtkv.KeyHistory.$Shape;
        static create(properties?: mgmtkv.KeyHistory.$Properties): mgmtkv.KeyHistory;

        /**
         * Encodes the specified KeyHistory message. Does not implicitly {@link mgmtkv.KeyHistory.verify|verify} messages.
         * @param message KeyHistory message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.KeyHistory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KeyHistory message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.KeyHistory & mgmtkv.KeyHistory.$Shape} KeyHistory
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.KeyHistory & mgmtkv.KeyHistory.$Shape;

        /**
         * Gets the type url for KeyHistory
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KeyHistory {

        /** Properties of a KeyHistory. */
        interface $Properties {

            /** KeyHistory key */
            key?: (Uint8Array|null);

            /** KeyHistory records */
            records?: (mgmtkv.KeyRecord.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KeyHistory. */
        type $Shape = mgmtkv.KeyHistory.$Properties;
    }

    /**
     * Properties of a LeaseRecord.
     * @deprecated Use mgmtkv.LeaseRecord.$Properties instead.
     */
    interface ILeaseRecord extends mgmtkv.LeaseRecord.$Properties {
    }

    /** Represents a LeaseRecord. */
    class LeaseRecord {

        /**
         * Constructs a new LeaseRecord.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.LeaseRecord.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LeaseRecord ID. */
        ID: number;

        /** LeaseRecord TTL. */
        TTL: number;

        /**
         * Creates a new LeaseRecord instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LeaseRecord instance
         */
        static create(properties: mgmtkv.LeaseRecord.$Shape): mgmtkv.LeaseRecord & mgmtkv.LeaseRecord.$Shape;
        static create(properties?: mgmtkv.LeaseRecord.$Properties): mgmtkv.LeaseRecord;

        /**
         * Encodes the specified LeaseRecord message. Does not implicitly {@link mgmtkv.LeaseRecord.verify|verify} messages.
         * @param message LeaseRecord message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.LeaseRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LeaseRecord message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.LeaseRecord & mgmtkv.LeaseRecord.$Shape} LeaseRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.LeaseRecord & mgmtkv.LeaseRecord.$Shape;

        /**
         * Gets the type url for LeaseRecord
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaseRecord {

        /** Properties of a LeaseRecord. */
        interface $Properties {

            /** LeaseRecord ID */
            ID?: (number|null);

            /** LeaseRecord TTL */
            TTL?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LeaseRecord. */
        type $Shape = mgmtkv.LeaseRecord.$Properties;
    }

    /**
     * Properties of a StoreSnapshot.
     * @deprecated Use mgmtkv.StoreSnapshot.$Properties instead.
     */
    interface IStoreSnapshot extends mgmtkv.StoreSnapshot.$Properties {
    }

    /** Represents a StoreSnapshot. */
    class StoreSnapshot {

        /**
         * Constructs a new StoreSnapshot.
         * @param [properties] Properties to set
         */
        constructor(properties?: mgmtkv.StoreSnapshot.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StoreSnapshot version. */
        version: number;

        /** StoreSnapshot revision. */
        revision: number;

        /** StoreSnapshot compactRevision. */
        compactRevision: number;

        /** StoreSnapshot keys. */
        keys: mgmtkv.KeyHistory.$Properties[];

        /** StoreSnapshot leases. */
        leases: mgmtkv.LeaseRecord.$Properties[];

        /** StoreSnapshot auth. */
        auth?: (mgmtkv.AuthSnapshot.$Properties|null);

        /**
         * Creates a new StoreSnapshot instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StoreSnapshot instance
         */
        static create(properties: mgmtkv.StoreSnapshot.$Shape): mgmtkv.StoreSnapshot & mgmtkv.StoreSnapshot.$Shape;
        static create(properties?: mgmtkv.StoreSnapshot.$Properties): mgmtkv.StoreSnapshot;

        /**
         * Encodes the specified StoreSnapshot message. Does not implicitly {@link mgmtkv.StoreSnapshot.verify|verify} messages.
         * @param message StoreSnapshot message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: mgmtkv.StoreSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StoreSnapshot message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {mgmtkv.StoreSnapshot & mgmtkv.StoreSnapshot.$Shape} StoreSnapshot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): mgmtkv.StoreSnapshot & mgmtkv.StoreSnapshot.$Shape;

        /**
         * Gets the type url for StoreSnapshot
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace StoreSnapshot {

        /** Properties of a StoreSnapshot. */
        interface $Properties {

            /** StoreSnapshot version */
            version?: (number|null);

            /** StoreSnapshot revision */
            revision?: (number|null);

            /** StoreSnapshot compactRevision */
            compactRevision?: (number|null);

            /** StoreSnapshot keys */
            keys?: (mgmtkv.KeyHistory.$Properties[]|null);

            /** StoreSnapshot leases */
            leases?: (mgmtkv.LeaseRecord.$Properties[]|null);

            /** StoreSnapshot auth */
            auth?: (mgmtkv.AuthSnapshot.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StoreSnapshot. */
        type $Shape = mgmtkv.StoreSnapshot.$Properties;
    }
}
