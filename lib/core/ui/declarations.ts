import type { Icon, I18NValue, ModuleTarget } from '../descriptor';

/** Display text: a plain string, or the descriptor's `{ value, i18n? }` with a translation key. */
export type Text = string | I18NValue;

/**
 * An image in both resolutions (`{ url, 'url@2x' }`), or one URL used for both. Relative URLs are under
 * the add-on's base URL.
 */
export type IconSource = string | Icon;

/**
 * The conditions HipChat knows (docs/protocol.md#conditions); any other name evaluates to false on the host.
 */
export type KnownCondition =
  | 'room_is_public'
  | 'user_is_admin'
  | 'user_is_guest'
  | 'user_is_room_owner'
  | 'glance_matches'
  | 'message_matches'
  | 'message_contains_link'
  | 'message_sent_by_current_user'
  | 'card_matches';

/** `message_matches` takes exactly one of these. */
export type MessageMatchesParams =
  | { type: string }
  | { file_type: string }
  | { regex: { pattern: string; flags?: string } }
  | { sender: string };

export type SimpleConditionInput = {
  /** A known condition name (autocompleted), or another the host may know. */
  condition: KnownCondition | (string & {});
  /** Depends on the condition: `message_matches` takes {@link MessageMatchesParams}. */
  params?: MessageMatchesParams | Record<string, unknown>;
  invert?: boolean;
};

/** One condition, or an `and`/`or` of several. A list of conditions must all hold. */
export type ConditionInput = SimpleConditionInput | { type: 'and' | 'or'; conditions: ConditionInput[] };

interface Placed {
  /** Sort order, ascending; the host's default is 100. */
  weight?: number;
  conditions?: ConditionInput[];
}

export interface GlanceOptions extends Placed {
  /** Shown when the glance has no handler, or its query fails. */
  name: Text;
  icon: IconSource;
  /** The webPanel, dialog or externalPage a click opens. */
  target?: ModuleTarget;
}

/** A page module's URL: leave it out to have the add-on serve the page with the handler you pass. */
interface PageUrl {
  url?: string;
}

export interface WebPanelOptions extends Placed, PageUrl {
  name: Text;
  icon?: IconSource;
  /** The only location HipChat had; the default. */
  location?: 'hipchat.sidebar.right';
}

export interface DialogButtonOptions {
  name: Text;
  /** Sent to the page as `dialog-button-click` `{ action: key }`. */
  key?: string;
  enabled?: boolean;
}

export interface DialogOptionsInput {
  style?: 'normal' | 'warning';
  size?: 'small' | 'medium' | 'large' | 'xlarge' | { width: string; height: string };
  hint?: Text;
  filter?: { placeholder: Text };
  primaryAction?: DialogButtonOptions;
  secondaryActions?: DialogButtonOptions[];
}

export interface DialogDeclaration extends PageUrl {
  title: Text;
  options?: DialogOptionsInput;
}

export interface ActionOptions extends Placed {
  name: Text;
  location: 'hipchat.message.action' | 'hipchat.input.action';
  /** The webPanel, dialog or externalPage the action opens; it receives an event named after the action's key. */
  target: ModuleTarget;
}

export interface ExternalPageOptions extends PageUrl {
  name?: Text;
}

export interface ConfigurableOptions extends PageUrl {
  /** Room admins may open it, not only group admins (default false). */
  allowAccessToRoomAdmins?: boolean;
}

export type AdminPageOptions = PageUrl;
