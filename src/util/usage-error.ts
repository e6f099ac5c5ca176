/**
 * A problem with how the tool was asked to run (a path that matches nothing, an output folder that
 * cannot be one, an unknown git ref), not with a description: the CLI prints it and exits 2.
 * Its message is in English and Estonian.
 */
export class UsageError extends Error {}
