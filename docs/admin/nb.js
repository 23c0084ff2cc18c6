// Norwegian for the interface strings Decap CMS's own nb_no locale lacks (they
// would show in English). Loaded after decap-cms.js, before the configuration
// is read and the interface is drawn.
(function () {
  "use strict";
  var extra = {
    collection: {
      sidebar: { allCollections: "Alle samlinger", searchIn: "Søk i" },
      collectionTop: {
        viewAsList: "Vis som liste",
        viewAsGrid: "Vis som rutenett",
        searchResults: "Søkeresultater for «%{searchTerm}»",
        searchResultsInCollection: "Søkeresultater for «%{searchTerm}» i %{collection}",
        filterBy: "Filtrer etter",
        groupBy: "Grupper etter"
      },
      entries: { unpublishedHeader: "Upubliserte oppføringer" },
      groups: { other: "Annet", negateLabel: "Ikke %{label}" }
    },
    editor: {
      editorControl: { field: { widgetLabel: "Feltet %{widgetLabel}" } },
      editorControlPane: {
        widget: {
          invalidPath: "«%{path}» er ikke en gyldig sti",
          pathExists: "Stien «%{path}» finnes allerede"
        }
      },
      editorInterface: {
        togglePreview: "Vis/skjul forhåndsvisning",
        toggleScrollSync: "Synkroniser rulling",
        toggleNotes: "Vis/skjul notater"
      },
      editorToolbar: {
        statusInfoTooltipDraft: "Oppføringen er en kladd. Sett status til «Til godkjenning» når den er klar til å sees over.",
        statusInfoTooltipInReview: "Oppføringen er til godkjenning. Du kan fortsatt gjøre endringer."
      },
      editorWidgets: {
        datetime: { setToNow: "Sett %{fieldLabel} til nå" },
        list: { add: "Legg til %{item}", addType: "Legg til %{item}" },
        object: { expand: "Vis", collapse: "Skjul" }
      }
    },
    mediaLibrary: { mediaLibraryModal: { close: "Lukk" } },
    ui: {
      settingsDropdown: { account: "Kontovalg" },
      toast: {
        onLoggedOut: "Du er logget ut. Ta vare på endringene dine og logg inn igjen.",
        onBackendDown: "Tjenesten har driftsproblemer. Se %{details} for mer informasjon."
      }
    }
  };
  function merge(base, add) {
    var out = {};
    var key;
    for (key in base) { out[key] = base[key]; }
    for (key in add) {
      var both = out[key] && typeof out[key] === "object" && typeof add[key] === "object";
      out[key] = both ? merge(out[key], add[key]) : (out[key] === undefined ? add[key] : out[key]);
    }
    return out;
  }
  window.CMS.registerLocale("nb_no", merge(window.CMS.getLocale("nb_no") || {}, extra));
})();
