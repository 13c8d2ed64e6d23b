import type { accountFr } from "./account-fr.ts";

/** English texts of a runner's personal data page and of team invitations, typed by the French ones. */
export const accountEn: typeof accountFr = {
	privacy: {
		intro: "Your personal data: get a copy at any time, or ask for it to be deleted.",
		exportTitle: "Download my data",
		exportText:
			"Your profile, orders, favourites and requests, in a ZIP file (as JSON). The link stays valid for 24 hours.",
		export: "Download my data",
		exporting: "Preparing…",
		exportReady: "Your copy is ready and its download has started.",
		exportLink: "Start it again",
		requestsTitle: "My requests",
		requestsEmpty: "No requests yet.",
		kinds: {
			access: "Copy of my data",
			deletion: "Account deletion",
		},
		statuses: {
			pending: "Pending",
			processing: "In progress",
			completed: "Done",
			rejected: "Refused",
		},
		download: "Download",
		deleteTitle: "Delete my account",
		deleteText:
			"An administrator deletes your account and your data, including the photos you appear in. Your purchases can no longer be downloaded.",
		deleteAsk: "Ask to delete my account",
		deleteConfirm: "Ask for your account and your data to be deleted? Once done, it cannot be undone.",
		deleteMessage: "A word for the team (optional)",
		deleteYes: "Yes, ask for deletion",
		deleteSending: "Sending…",
		deleteSent: "Request sent: an administrator will handle it.",
		deleteAlready: "A deletion request is already being handled.",
	},
	invite: {
		metaTitle: "Team invitation",
		title: "You are invited to join a team",
		text: "Join the team to import your photos into its events and follow your figures.",
		loggedOut:
			"Log in, or create your account, with the email address that got the invitation: you come back here after.",
		loggedInAs: (email: string) => `Logged in as ${email}.`,
		accept: "Join the team",
		joined: "Done: you are part of the team.",
		goToTeam: "See my team",
		otherAccount: "Use another account",
		expired: "This invitation is unknown or has expired: ask for a new one.",
		used: "This invitation was already used.",
		wrongAccount: "This invitation is for another email address: log in with that account.",
	},
};
