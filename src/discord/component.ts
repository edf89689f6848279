import type { ButtonInteraction, Interaction, StringSelectMenuInteraction } from "discord.js";
import type { BotContext } from "./command.js";

/**
 * Message components (buttons, select menus) as `commands/` has slash commands: one module per
 * component in `components/`, each a `parse` of the custom ids it owns (into a typed action, or null
 * for an id that is not its own) and a `run` of that action. `onInteractionCreate` hands every click
 * to the registry; no handler routes by hand.
 */

interface ComponentSpec<I, A> {
  /** A name for logs and for the loader's duplicate check. */
  name: string;
  /** The action a custom id stands for, or null when the id is not this component's (or is malformed). */
  parse(customId: string): A | null;
  run(interaction: I, action: A, ctx: BotContext): Promise<void>;
}

/** A button's module. */
export type ButtonSpec<A> = ComponentSpec<ButtonInteraction, A>;
/** A string select menu's module. */
export type SelectSpec<A> = ComponentSpec<StringSelectMenuInteraction, A>;

/** A loaded component: what the registry keeps (the action type stays inside). */
export interface Component {
  readonly kind: "button" | "select";
  readonly name: string;
  /** Handles `interaction` when it is this component's; false when it is not. */
  handle(interaction: Interaction, ctx: BotContext): Promise<boolean>;
}

/** A loaded component over `spec`, for interactions that `is` accepts. */
function component<I extends ButtonInteraction | StringSelectMenuInteraction, A>(
  kind: Component["kind"],
  is: (interaction: Interaction) => interaction is I,
  spec: ComponentSpec<I, A>,
): Component {
  return {
    kind,
    name: spec.name,
    async handle(interaction, ctx) {
      if (!is(interaction)) return false;
      const action = spec.parse(interaction.customId);
      if (action === null) return false;
      await spec.run(interaction, action, ctx);
      return true;
    },
  };
}

/** A button module's default export. */
export function button<A>(spec: ButtonSpec<A>): Component {
  return component("button", (i): i is ButtonInteraction => i.isButton(), spec);
}

/** A select menu module's default export. */
export function select<A>(spec: SelectSpec<A>): Component {
  return component("select", (i): i is StringSelectMenuInteraction => i.isStringSelectMenu(), spec);
}

/** True when `value` has the shape of a component module's default export. */
export function isComponent(value: unknown): value is Component {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.kind === "button" || v.kind === "select") &&
    typeof v.name === "string" &&
    typeof v.handle === "function"
  );
}

/**
 * Hands a button click or menu choice to the component whose custom id it carries; false when none
 * owns it (an old or forged id).
 */
export async function routeComponent(
  interaction: Interaction,
  ctx: BotContext,
  components: readonly Component[],
): Promise<boolean> {
  for (const c of components) if (await c.handle(interaction, ctx)) return true;
  return false;
}
