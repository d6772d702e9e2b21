/**
 * A zod `error` option that says `<field> is required` when the value is missing and `message`
 * otherwise.
 */
export function fieldError(field: string, message: string): (issue: { input: unknown }) => string {
  return (issue) => (issue.input === undefined ? `${field} is required` : message);
}
