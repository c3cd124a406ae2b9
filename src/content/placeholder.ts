/** The body `npm run new` writes; an article still holding it is not ready to publish. */
export const PLACEHOLDER_BODY =
  "Write the first paragraph here: who, what, when, where and why. Section pages and the home page show it under the headline.";
