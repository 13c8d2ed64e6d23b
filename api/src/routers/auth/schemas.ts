import { passwordRules } from "@focus-racer/core";
import { locales } from "@focus-racer/db";
import * as v from "valibot";

export const emailSchema = v.pipe(
	v.string(),
	v.trim(),
	v.toLowerCase(),
	v.maxLength(254),
	v.email("Enter a valid email address."),
);

export const newPasswordSchema = v.pipe(
	v.string(),
	v.minLength(passwordRules.minLength, `The password needs at least ${passwordRules.minLength} characters.`),
	v.maxLength(passwordRules.maxLength),
);

export const localeSchema = v.picklist(locales);
