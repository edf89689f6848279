/** The slash commands `commands/` defines, sorted: what the loader finds and what registration sends. */
export const COMMAND_NAMES = ["ask", "forget-me", "help", "reindex", "report", "source", "zone", "zones"];
