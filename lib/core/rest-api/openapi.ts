/**
 * GENERATED from schemas/hipchat-rest-api-v2.openapi.yml and its overlay by
 * scripts/generate-rest-api-types.ts (openapi-typescript). Do not edit; after changing the overlay,
 * regenerate with:
 *   npm run generate
 */
export interface paths {
    "/capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get HipChat Capabilities Descriptor
         * @description Returns the capabilities document describing the API surface and OAuth endpoints of the HipChat installation. Used by HipChat Connect add-ons during installation.
         */
        get: operations["getCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate OAuth Access Token
         * @description Exchange client credentials (or an authorization code) for a bearer access token. Used by HipChat Connect add-ons after installation.
         */
        post: operations["generateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get All Rooms
         * @description List all rooms in the HipChat group.
         */
        get: operations["getAllRooms"];
        put?: never;
        /**
         * Create Room
         * @description Create a new HipChat room owned by the authenticated user.
         */
        post: operations["createRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        /**
         * Get Room Details
         * @description Returns room metadata, owner, privacy, topic, and integration settings.
         */
        get: operations["getRoom"];
        /**
         * Update Room
         * @description Update mutable room fields (name, topic, privacy, owner, archived).
         */
        put: operations["updateRoom"];
        post?: never;
        /**
         * Delete Room
         * @description Permanently delete a room.
         */
        delete: operations["deleteRoom"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/notification": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Room Notification
         * @description Send a notification message to a room. Subject to a separate flood-control rate limit of
         *     30 messages per minute per room (see `X-FloodControl-Limit` response headers).
         */
        post: operations["sendRoomNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/message": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Room Message
         * @description Send a message authored by the authenticated user to a room.
         */
        post: operations["sendRoomMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        /**
         * View Room History
         * @description Returns the history of messages for the room.
         */
        get: operations["getRoomHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/history/latest": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        /**
         * View Recent Room History
         * @description Returns the most recent messages from a room with optional not-before filtering.
         */
        get: operations["getLatestRoomHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        /**
         * Get All Room Webhooks
         * @description List webhooks registered against the room.
         */
        get: operations["getAllRoomWebhooks"];
        put?: never;
        /**
         * Create Room Webhook
         * @description Register a webhook against a room for a specified event.
         */
        post: operations["createRoomWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/webhook/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
                webhook_id: string;
            };
            cookie?: never;
        };
        /** Get Room Webhook */
        get: operations["getRoomWebhook"];
        put?: never;
        post?: never;
        /** Delete Room Webhook */
        delete: operations["deleteRoomWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get All Users
         * @description List all users in the HipChat group.
         */
        get: operations["getAllUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{id_or_email}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_email: string;
            };
            cookie?: never;
        };
        /** Get User Details */
        get: operations["getUser"];
        /** Update User */
        put: operations["updateUser"];
        post?: never;
        /** Delete User */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{id_or_email}/message": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_email: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send Private Message To User
         * @description Send a one-to-one private message. Requires the `send_message` scope.
         */
        post: operations["sendPrivateMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emoticon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get All Emoticons */
        get: operations["getAllEmoticons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emoticon/{emoticon_id_or_shortcut}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                emoticon_id_or_shortcut: string;
            };
            cookie?: never;
        };
        /** Get Emoticon Details */
        get: operations["getEmoticon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/addon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install Add-on
         * @description Register a HipChat Connect add-on by submitting its descriptor URL.
         */
        post: operations["installAddon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/addon/{addon_key_or_id}/installable/{installable_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                addon_key_or_id: string;
                installable_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Uninstall Add-on Installation */
        delete: operations["uninstallAddon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Active Sessions */
        get: operations["getActiveSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        get: operations["getToken"];
        put?: never;
        post?: never;
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["replyToMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/share/link": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["shareLinkWithRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/topic": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get?: never;
        put: operations["setTopic"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/participant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get: operations["getAllParticipants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/room/{id_or_name}/member": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        get: operations["getAllMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/addon/ui/room/{room_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                room_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["updateRoomGlances"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/addon/ui": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["updateGroupGlances"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/addon/ui/user/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["updateUserGlances"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RoomReference: {
            id: number;
            name: string;
            is_archived?: boolean;
            /** @enum {string} */
            privacy?: "public" | "private";
            /** @description HipChat's opaque change marker. */
            version?: string;
            links: {
                /** Format: uri */
                self: string;
                /** Format: uri */
                participants?: string;
                /** Format: uri */
                webhooks?: string;
            };
        };
        Room: components["schemas"]["RoomReference"] & {
            xmpp_jid?: string;
            statistics?: {
                messages_sent?: number;
                /** Format: date-time */
                last_active?: string;
            };
            /** Format: date-time */
            created?: string;
            is_archived?: boolean;
            /** @enum {string} */
            privacy?: "public" | "private";
            is_guest_accessible?: boolean;
            topic?: string;
            participants?: components["schemas"]["UserReference"][];
            owner?: components["schemas"]["UserReference"];
            /** Format: uri */
            guest_access_url?: string | null;
        };
        RoomCollection: {
            items: components["schemas"]["RoomReference"][];
            startIndex: number;
            maxResults: number;
            links: {
                self: string;
                next?: string;
            };
        };
        RoomCreateRequest: {
            name: string;
            topic?: string;
            /** @default false */
            guest_access?: boolean;
            /**
             * @default public
             * @enum {string}
             */
            privacy?: "public" | "private";
            owner_user_id?: string;
        };
        RoomUpdateRequest: {
            name?: string;
            topic?: string;
            is_archived?: boolean;
            /** @enum {string} */
            privacy?: "public" | "private";
            owner?: {
                id: string;
            };
        };
        NotificationRequest: {
            message: string;
            /**
             * @default yellow
             * @enum {string}
             */
            color?: "yellow" | "green" | "red" | "purple" | "gray" | "random";
            /**
             * @description Whether the room's users are alerted.
             * @default false
             */
            notify?: boolean;
            /**
             * @default html
             * @enum {string}
             */
            message_format?: "html" | "text";
            /** @description A label shown beside the sender's name. */
            from?: string;
            /** @description The id of a message this one is attached to. */
            attach_to?: string;
            /** @description Optional rich-card payload (HipChat Cards). */
            card?: Record<string, unknown>;
        };
        Message: {
            id: string;
            from: components["schemas"]["UserReference"] | string;
            message: string;
            /** Format: date-time */
            date: string;
            /** @enum {string} */
            type: "message" | "notification" | "guest_access" | "topic";
            color?: string;
            /** @enum {string} */
            message_format?: "html" | "text";
            mentions?: components["schemas"]["UserReference"][];
            file?: Record<string, unknown> | null;
        };
        MessageCollection: {
            items: components["schemas"]["Message"][];
            startIndex: number;
            maxResults: number;
            links: {
                self: string;
                next?: string;
            };
        };
        UserReference: {
            id: number;
            mention_name: string;
            name: string;
            /** @description HipChat's opaque change marker. */
            version?: string;
            links?: components["schemas"]["SelfLink"];
        };
        User: components["schemas"]["UserReference"] & {
            /** Format: email */
            email?: string;
            title?: string;
            presence?: {
                /** @enum {string} */
                status?: "chat" | "away" | "xa" | "dnd";
                show?: string;
                idle?: number;
                client?: {
                    type?: string;
                    version?: string;
                };
                is_online?: boolean;
            };
            xmpp_jid?: string;
            is_group_admin?: boolean;
            is_guest?: boolean;
            is_deleted?: boolean;
            timezone?: string;
            /** Format: date-time */
            last_active?: string;
            /** Format: date-time */
            created?: string;
            /** Format: uri */
            photo_url?: string;
        };
        UserCollection: {
            items: components["schemas"]["UserReference"][];
            startIndex: number;
            maxResults: number;
            links: {
                self: string;
                next?: string;
            };
        };
        UserUpdateRequest: {
            name?: string;
            title?: string;
            mention_name?: string;
            is_group_admin?: boolean;
            timezone?: string;
            /** Format: email */
            email?: string;
        };
        Webhook: {
            id: string;
            name?: string;
            /** Format: uri */
            url: string;
            /** @enum {string} */
            event: "room_message" | "room_notification" | "room_enter" | "room_exit" | "room_topic_change" | "room_archived" | "room_unarchived" | "room_deleted" | "room_created" | "room_file_upload";
            pattern?: string;
            /**
             * @default none
             * @enum {string}
             */
            authentication?: "none" | "jwt";
            links?: components["schemas"]["SelfLink"];
        };
        WebhookCreateRequest: {
            /** Format: uri */
            url: string;
            event: components["schemas"]["Webhook"]["event"];
            pattern?: string;
            name?: string;
            /**
             * @default none
             * @enum {string}
             */
            authentication?: "none" | "jwt";
        };
        WebhookCollection: {
            items: components["schemas"]["Webhook"][];
            startIndex: number;
            maxResults: number;
            links: {
                self: string;
                next?: string;
            };
        };
        Emoticon: {
            id: number;
            shortcut: string;
            /** Format: uri */
            url: string;
            creator?: components["schemas"]["UserReference"];
            audio?: Record<string, unknown>[];
            height?: number;
            width?: number;
            /** @enum {string} */
            type?: "global" | "group";
            links?: components["schemas"]["SelfLink"];
        };
        EmoticonCollection: {
            items: components["schemas"]["Emoticon"][];
            startIndex: number;
            links: {
                self: string;
                next?: string;
            };
            maxResults: number;
        };
        Error: {
            error: {
                code: number;
                type: string;
                message: string;
                field?: string;
                validation?: string;
            };
        };
        AccessToken: {
            access_token: string;
            /** @description Seconds the token stays valid. */
            expires_in: number;
            group_id: number;
            group_name?: string;
            /** @description The granted scopes */
            scope: string;
            /** @enum {string} */
            token_type: "bearer";
        };
        SelfLink: {
            /** Format: uri */
            self: string;
        };
        RoomCreated: {
            id: number;
            links: components["schemas"]["SelfLink"];
        };
        WebhookCreated: {
            id: string;
            links: components["schemas"]["SelfLink"];
        };
        GlanceUpdate: {
            glance: {
                key: string;
                content: {
                    label: {
                        /** @enum {string} */
                        type: "html";
                        value: string;
                    };
                    status?: Record<string, unknown>;
                    metadata?: Record<string, unknown>;
                };
            }[];
        };
    };
    responses: never;
    parameters: {
        /** @description Numeric room id or URL-encoded room name. */
        RoomIdOrName: string;
        StartIndex: number;
        MaxResults: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Capabilities descriptor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
    generateToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    grant_type: "client_credentials" | "authorization_code" | "password" | "refresh_token";
                    username?: string;
                    password?: string;
                    /** @description Space-separated list of scopes. */
                    scope?: string;
                };
            };
        };
        responses: {
            /** @description Access token issued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description OAuth error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
        };
    };
    getAllRooms: {
        parameters: {
            query?: {
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
                "include-private"?: boolean;
                "include-archived"?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Page of rooms. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomCollection"];
                };
            };
        };
    };
    createRoom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoomCreateRequest"];
            };
        };
        responses: {
            /** @description Room created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomCreated"];
                };
            };
        };
    };
    getRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Room details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Room"];
                };
            };
        };
    };
    updateRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoomUpdateRequest"];
            };
        };
        responses: {
            /** @description Room updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Room deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sendRoomNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationRequest"];
            };
        };
        responses: {
            /** @description Notification accepted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sendRoomMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message: string;
                };
            };
        };
        responses: {
            /** @description Message sent. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** Format: date-time */
                        timestamp: string;
                    };
                };
            };
        };
    };
    getRoomHistory: {
        parameters: {
            query?: {
                date?: string | "recent";
                timezone?: string;
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
                reverse?: boolean;
            };
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Message history page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCollection"];
                };
            };
        };
    };
    getLatestRoomHistory: {
        parameters: {
            query?: {
                "not-before"?: string;
                timezone?: string;
                "max-results"?: components["parameters"]["MaxResults"];
            };
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recent messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCollection"];
                };
            };
        };
    };
    getAllRoomWebhooks: {
        parameters: {
            query?: {
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
            };
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCollection"];
                };
            };
        };
    };
    createRoomWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreateRequest"];
            };
        };
        responses: {
            /** @description Webhook created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
                };
            };
        };
    };
    getRoomWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
        };
    };
    deleteRoomWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAllUsers: {
        parameters: {
            query?: {
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
                "include-guests"?: boolean;
                "include-deleted"?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCollection"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_email: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdateRequest"];
            };
        };
        responses: {
            /** @description User updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sendPrivateMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_email: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message: string;
                    /** @default false */
                    notify?: boolean;
                    /**
                     * @default html
                     * @enum {string}
                     */
                    message_format?: "text" | "html";
                };
            };
        };
        responses: {
            /** @description Message accepted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAllEmoticons: {
        parameters: {
            query?: {
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
                type?: "group" | "global" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Emoticon collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmoticonCollection"];
                };
            };
        };
    };
    getEmoticon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                emoticon_id_or_shortcut: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Emoticon details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Emoticon"];
                };
            };
        };
    };
    installAddon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Add-on installed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uninstallAddon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                addon_key_or_id: string;
                installable_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Add-on installation removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getActiveSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active sessions list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: Record<string, unknown>[];
                    };
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token's grant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in?: number;
                        group_id: number;
                        group_name?: string;
                        scope: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        oauth_client_id?: string;
                        room_id?: number;
                        user_id?: number;
                        label?: string;
                    };
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    replyToMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    parentMessageId: string;
                    message: string;
                };
            };
        };
        responses: {
            /** @description Reply sent. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    shareLinkWithRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    link: string;
                    message?: string;
                };
            };
        };
        responses: {
            /** @description Link shared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    setTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    topic: string;
                };
            };
        };
        responses: {
            /** @description Topic set. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAllParticipants: {
        parameters: {
            query?: {
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
                "include-offline"?: boolean;
            };
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Participants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCollection"];
                };
            };
        };
    };
    getAllMembers: {
        parameters: {
            query?: {
                "start-index"?: components["parameters"]["StartIndex"];
                "max-results"?: components["parameters"]["MaxResults"];
            };
            header?: never;
            path: {
                /** @description Numeric room id or URL-encoded room name. */
                id_or_name: components["parameters"]["RoomIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCollection"];
                };
            };
        };
    };
    updateRoomGlances: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                room_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlanceUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateGroupGlances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlanceUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUserGlances: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlanceUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
