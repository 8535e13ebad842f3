import { z } from "zod";

/** An HTML checkbox as a form submits it: "on" when ticked, absent when not. */
export const formCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
