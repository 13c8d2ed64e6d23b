/** French texts of a runner's personal data page and of team invitations, spread into fr.ts. */
export const accountFr = {
	privacy: {
		intro: "Vos données personnelles : obtenez-en une copie à tout moment, ou demandez leur suppression.",
		exportTitle: "Télécharger mes données",
		exportText:
			"Votre profil, vos commandes, vos favoris et vos demandes, dans un fichier ZIP (au format JSON). Le lien reste valable 24 heures.",
		export: "Télécharger mes données",
		exporting: "Préparation…",
		exportReady: "Votre copie est prête et son téléchargement a commencé.",
		exportLink: "Le relancer",
		requestsTitle: "Mes demandes",
		requestsEmpty: "Aucune demande pour l'instant.",
		kinds: {
			access: "Copie des données",
			deletion: "Suppression du compte",
		},
		statuses: {
			pending: "En attente",
			processing: "En cours",
			completed: "Terminée",
			rejected: "Refusée",
		},
		download: "Télécharger",
		deleteTitle: "Supprimer mon compte",
		deleteText:
			"Un administrateur supprime votre compte et vos données, y compris les photos où vous apparaissez. Vos achats ne pourront plus être téléchargés.",
		deleteAsk: "Demander la suppression de mon compte",
		deleteConfirm:
			"Demander la suppression de votre compte et de vos données ? Une fois faite, elle est définitive.",
		deleteMessage: "Un mot pour l'équipe (facultatif)",
		deleteYes: "Oui, demander la suppression",
		deleteSending: "Envoi…",
		deleteSent: "Demande envoyée : un administrateur va la traiter.",
		deleteAlready: "Une demande de suppression est déjà en cours de traitement.",
	},
	invite: {
		metaTitle: "Invitation dans une équipe",
		title: "Vous êtes invité dans une équipe",
		text: "Rejoignez l'équipe pour importer vos photos dans ses événements et suivre vos statistiques.",
		loggedOut:
			"Connectez-vous, ou créez votre compte, avec l'adresse e-mail qui a reçu l'invitation : vous reviendrez ici ensuite.",
		loggedInAs: (email: string) => `Connecté avec ${email}.`,
		accept: "Rejoindre l'équipe",
		joined: "C'est fait : vous faites partie de l'équipe.",
		goToTeam: "Voir mon équipe",
		otherAccount: "Utiliser un autre compte",
		expired: "Cette invitation est inconnue ou a expiré : demandez-en une nouvelle.",
		used: "Cette invitation a déjà été utilisée.",
		wrongAccount:
			"Cette invitation est destinée à une autre adresse e-mail : connectez-vous avec ce compte-là.",
	},
};
