/**
 * GENERATED from schemas/descriptor.schema.json by test/support/generate-schema-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-schema-types.js --write
 */
import type {WebhookEvent} from '../webhook/payloads';

/**
 * An absolute http(s) URL with no placeholders (links, lifecycle callbacks, icons).
 */
export type AbsoluteUrl = string;
/**
 * import_data is granted to approved add-ons only.
 */
export type Scope =
  | 'send_notification'
  | 'send_message'
  | 'view_room'
  | 'admin_room'
  | 'view_group'
  | 'admin_group'
  | 'manage_rooms'
  | 'view_messages'
  | 'import_data';
export type Avatar =
  | AbsoluteUrl
  | {
      url: AbsoluteUrl;
      'url@2x'?: AbsoluteUrl;
    };
/**
 * An absolute http(s) URL that may hold URI-template placeholders such as {room_id} or {message.body}, which the host fills in. RFC 3986 forbids braces, so this is a pattern rather than format "uri"; ajv-formats' "uri-template" is no help either, as it accepts relative URLs and rejects dotted names.
 */
export type ModuleUrl = string;
/**
 * Unique within the descriptor (checked in code, not here).
 */
export type ModuleKey = string;
/**
 * Whether the host signs requests to this URL with a JWT.
 */
export type Authentication = 'jwt' | 'none';
/**
 * The webPanel, dialog or externalPage to open, by module key.
 */
export type ModuleTarget =
  | ModuleKey
  | {
      key: ModuleKey;
      /**
       * Free-form, passed to the opened module.
       */
      options?: {
        [k: string]: unknown;
      };
    };
/**
 * Sort order, ascending; the host's default is 100.
 */
export type Weight = number;
export type Condition = SimpleCondition | CompoundCondition;
/**
 * All must hold (an implicit AND).
 */
export type Conditions = Condition[];
/**
 * Pixels or a percentage of the client window, as CSS writes them ("400px", "50%").
 */
export type CssLength = string;

/**
 * The capabilities descriptor an add-on serves at links.self (docs/protocol.md#the-capabilities-descriptor). Every object is closed (additionalProperties: false) so that a misspelt member fails validation instead of being silently ignored by the host; free-form objects are marked as such. Module keys must also be unique across the descriptor and glance/action targets must name a webPanel, dialog or externalPage: JSON Schema cannot express either, so lib/core/descriptor checks them after this schema.
 */
export interface Descriptor {
  /**
   * The add-on's key; the host addresses modules as "<key>:<module key>", hence no colon.
   */
  key: string;
  name: string;
  description: string;
  links: Links;
  vendor?: Vendor;
  /**
   * The Connect API version, "major:minor".
   */
  apiVersion?: string;
  capabilities?: Capabilities;
}
/**
 * self is where this descriptor is served.
 */
export interface Links {
  self: AbsoluteUrl;
  homepage?: AbsoluteUrl;
}
export interface Vendor {
  name: string;
  url: AbsoluteUrl;
}
export interface Capabilities {
  hipchatApiConsumer?: HipchatApiConsumer;
  installable?: Installable;
  webhook?: Webhook[];
  glance?: Glance[];
  webPanel?: WebPanel[];
  dialog?: Dialog[];
  action?: Action[];
  externalPage?: ExternalPage[];
  configurable?: Configurable;
  adminPage?: AdminPage;
}
export interface HipchatApiConsumer {
  /**
   * @minItems 1
   */
  scopes: Scope[];
  /**
   * Shown as the sender of the add-on's notifications.
   */
  fromName?: string;
  avatar?: Avatar;
}
/**
 * The server-side install flow posts to callbackUrl; the *edUrl members are the optional browser redirect flows (docs/protocol.md#browser-redirect-flows).
 */
export interface Installable {
  allowGlobal?: boolean;
  allowRoom?: boolean;
  callbackUrl: AbsoluteUrl;
  updateCallbackUrl?: AbsoluteUrl;
  installedUrl?: AbsoluteUrl;
  updatedUrl?: AbsoluteUrl;
  uninstalledUrl?: AbsoluteUrl;
}
/**
 * The host's default authentication is none; the framework always declares jwt (docs/protocol.md#webhook-authentication). pattern is only allowed on message events.
 */
export interface Webhook {
  url: ModuleUrl;
  event: WebhookEvent;
  name?: string;
  key?: ModuleKey;
  /**
   * A regular expression in the host's (Java-like) dialect, matched against the message text; message events only.
   */
  pattern?: string;
  authentication?: Authentication;
}
/**
 * A line in the right sidebar; name is shown when there is no queryUrl or the query fails.
 */
export interface Glance {
  key: ModuleKey;
  name: I18NValue;
  icon: Icon;
  queryUrl?: ModuleUrl;
  target?: ModuleTarget;
  weight?: Weight;
  conditions?: Conditions;
}
/**
 * Display text, with an optional translation key.
 */
export interface I18NValue {
  value: string;
  i18n?: string;
}
/**
 * Glance and webPanel icons need both resolutions.
 */
export interface Icon {
  url: AbsoluteUrl;
  'url@2x': AbsoluteUrl;
}
export interface SimpleCondition {
  /**
   * Known to the host: room_is_public, user_is_admin, user_is_guest, user_is_room_owner, glance_matches (glances), message_matches, message_contains_link, message_sent_by_current_user, card_matches (actions). Not an enum: the host accepts any name and evaluates an unknown one to false.
   */
  condition: string;
  /**
   * Free-form, depends on the condition (message_matches takes {type}, {file_type}, {regex: {pattern, flags}} or {sender}).
   */
  params?: {
    [k: string]: unknown;
  };
  invert?: boolean;
}
export interface CompoundCondition {
  type: 'and' | 'or';
  /**
   * @minItems 1
   */
  conditions: Condition[];
}
/**
 * A view in the right sidebar; authentication defaults to jwt.
 */
export interface WebPanel {
  key: ModuleKey;
  name: I18NValue;
  url: ModuleUrl;
  location: 'hipchat.sidebar.right';
  icon?: Icon;
  weight?: Weight;
  conditions?: Conditions;
  authentication?: Authentication;
}
export interface Dialog {
  key: ModuleKey;
  title: I18NValue;
  url: ModuleUrl;
  authentication?: Authentication;
  options?: DialogOptions;
}
export interface DialogOptions {
  style?: 'normal' | 'warning';
  size?:
    | ('small' | 'medium' | 'large' | 'xlarge')
    | {
        width: CssLength;
        height: CssLength;
      };
  hint?: I18NValue;
  filter?: {
    placeholder: I18NValue;
  };
  primaryAction?: DialogButton;
  secondaryActions?: DialogButton[];
}
/**
 * A click sends dialog-button-click with {action: key} to the dialog's page.
 */
export interface DialogButton {
  name: I18NValue;
  key?: ModuleKey;
  enabled?: boolean;
}
export interface Action {
  key: ModuleKey;
  name: I18NValue;
  location: 'hipchat.message.action' | 'hipchat.input.action';
  target: ModuleTarget;
  weight?: Weight;
  conditions?: Conditions;
}
export interface ExternalPage {
  key: ModuleKey;
  url: ModuleUrl;
  name?: I18NValue;
}
export interface Configurable {
  url: ModuleUrl;
  allowAccessToRoomAdmins?: boolean;
  authentication?: Authentication;
}
export interface AdminPage {
  url: ModuleUrl;
}
