/** The version of the `beatplan` command (the package's; a test keeps the two equal). */
export const VERSION = '0.1.0';
