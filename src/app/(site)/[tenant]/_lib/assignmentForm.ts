/** How many link fields the assignment form has (its page and its action). */
export const LINK_FIELDS = 3
