const number = new Intl.NumberFormat("fr-FR");

/** French texts of the admin space's own pages, spread into fr.ts. */
export const adminFr = {
	aiSettings: {
		intro:
			"Les seuils de lecture des dossards et de reconnaissance des visages, et le moteur d'IA qui les applique.",
		appliesWithinMinute:
			"Un changement enregistré s'applique sans redémarrage : chaque worker relit ces réglages au moins une fois par minute.",
		inUse: (provider: string) => `Moteur utilisé en ce moment : ${provider}.`,
		providers: {
			local: "Local (processeur du serveur)",
			rekognition: "Amazon Rekognition",
		},
		providerTitle: "Moteur d'IA",
		providerText: "Celui qui lit les dossards et détecte les visages des nouvelles photos.",
		provider: "Moteur",
		defaultProvider: (provider: string) => `Par défaut : ${provider}, d'après AI_PROVIDER sur le serveur.`,
		rekognitionUnavailable:
			"Rekognition n'est pas configuré sur ce serveur : renseignez REKOGNITION_ACCESS_KEY_ID et REKOGNITION_SECRET_ACCESS_KEY (ou AI_PROVIDER=rekognition), puis redémarrez l'application.",
		bibsTitle: "Dossards",
		bibsText: "Ce qui compte comme un numéro de dossard lu sur une photo.",
		bibMinConfidence: "Confiance minimale d'une lecture (%)",
		bibMinConfidenceHelp: "En dessous, un texte lu n'est pas retenu comme dossard.",
		bibMinLength: "Nombre de chiffres minimum",
		bibMaxLength: "Nombre de chiffres maximum",
		facesTitle: "Visages",
		facesText:
			"Les visages relient entre elles les photos d'un même coureur, même quand son dossard est caché.",
		faceIndexing: "Détecter et indexer les visages",
		faceIndexingHelp:
			"Désactivé : aucun visage n'est détecté ni conservé, donc ni recherche par selfie ni liaison des photos par visage.",
		faceMatchSimilarity: "Similarité pour lier deux visages, Rekognition (%)",
		localFaceMatchCosine: "Similarité pour lier deux visages, moteur local (cosinus de 0 à 1)",
		faceMatchHelp: "Au-dessus, deux visages comptent comme le même coureur.",
		selfieTitle: "Recherche par selfie",
		selfieText:
			"Les photos montrées à un coureur qui cherche avec son selfie. Plus bas que la liaison, exprès : voir un sosie ne coûte rien, classer une photo sous le mauvais coureur si.",
		selfieMinSimilarity: "Similarité minimale, Rekognition (%)",
		localSelfieMinCosine: "Similarité minimale, moteur local (cosinus de 0 à 1)",
		defaultValue: (value: string) => `Par défaut : ${value}.`,
		units: {
			percent: (value: string) => `${value} %`,
			digits: (count: number) => `${number.format(count)} chiffre${count > 1 ? "s" : ""}`,
			cosine: (value: string) => value,
		},
		on: "activée",
		off: "désactivée",
		overridden: "Modifié",
		resetField: "Valeur par défaut",
		resetFieldLabel: (field: string) => `Remettre « ${field} » à sa valeur par défaut`,
		resetAll: "Tout remettre par défaut",
		resetAllHint: "Les champs reprennent leur valeur par défaut ; enregistrez pour l'appliquer.",
		unsaved: "Modifications non enregistrées.",
		save: "Enregistrer",
		saving: "Enregistrement…",
		saved: "Réglages enregistrés : les workers les appliquent d'ici une minute.",
		invalid: "Corrigez les champs signalés avant d'enregistrer.",
		errors: {
			number: (min: string, max: string) => `Entrez un nombre entre ${min} et ${max}.`,
			integer: (min: string, max: string) => `Entrez un nombre entier entre ${min} et ${max}.`,
			lengths: "Le minimum ne peut pas dépasser le maximum.",
		},
	},
};
