package fi.digikunta.inbox;

import fi.digikunta.findings.Message;

/** The user-facing texts of the inbox package, in Finnish, Swedish and English. */
final class InboxTexts {
    private InboxTexts() {
    }

    static final Message OFFICE_LOCK = new Message("Office-lukitustiedosto, ohitettu",
            "Office-låsfil, hoppas över", "Office lock file, skipped");
    static final Message TEMP_FILE = new Message("väliaikaistiedosto, ohitettu", "temporär fil, hoppas över",
            "temporary file, skipped");
    static final Message HIDDEN = new Message("piilotettu tiedosto tai kansio, ohitettu",
            "dold fil eller mapp, hoppas över", "hidden file or folder, skipped");
    static final Message OS_METADATA = new Message("käyttöjärjestelmän tiedosto, ohitettu",
            "operativsystemets fil, hoppas över", "operating-system file, skipped");
    static final Message SUB_FOLDER = new Message("alikansio; luetaan vain valitsimella --recursive",
            "undermapp; läses bara med --recursive", "sub-folder; read only with --recursive");
    static final Message FOLDER_LINK = new Message("symbolista linkkiä kansioon ei seurata",
            "en symbolisk länk till en mapp följs inte", "a symbolic link to a folder is not followed");
    static final Message NOT_REGULAR = new Message("ei tavallinen tiedosto, ohitettu",
            "inte en vanlig fil, hoppas över", "not a regular file, skipped");
    static final Message VANISHED = new Message("poistui kansiosta tarkistuksen aikana",
            "försvann ur mappen under genomsökningen", "disappeared from the folder during the scan");

    static Message unreadable(String detail) {
        return new Message("ei voitu lukea: " + detail, "kunde inte läsas: " + detail, "could not be read: " + detail);
    }

    static final Message SYMLINK_OUTSIDE = new Message(
            "Tiedosto on symbolinen linkki saapuneiden kansion ulkopuolelle, eikä sitä lueta. "
                    + "Tallenna palautus kansioon tavallisena tiedostona.",
            "Filen är en symbolisk länk som pekar utanför inkorgen och läses inte. "
                    + "Spara svaret i mappen som en vanlig fil.",
            "The file is a symbolic link pointing outside the inbox and is not read. "
                    + "Save the return in the folder as a regular file.");
    static final Message SYMLINK_BROKEN = new Message(
            "Tiedosto on symbolinen linkki, joka ei osoita olemassa olevaan tiedostoon.",
            "Filen är en symbolisk länk som inte pekar på någon befintlig fil.",
            "The file is a symbolic link that does not point to an existing file.");
}
