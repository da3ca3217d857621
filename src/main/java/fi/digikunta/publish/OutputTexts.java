package fi.digikunta.publish;

import fi.digikunta.findings.Message;
import java.nio.file.Path;

/** The user-facing texts of the output package (run failures), in Finnish, Swedish and English. */
final class OutputTexts {
    private OutputTexts() {
    }

    static Message locked(Path lockFile, String holder) {
        String fiH = holder != null ? holder : "haltija tuntematon";
        String svH = holder != null ? holder : "innehavaren okänd";
        String enH = holder != null ? holder : "holder unknown";
        return new Message(
                "Toinen ajo on käynnissä ja pitää tuloskansion lukkoa (" + fiH + "); lukkotiedosto " + lockFile + ".",
                "En annan körning pågår och håller utdatamappens lås (" + svH + "); låsfil " + lockFile + ".",
                "Another run is in progress and holds the output folder's lock (" + enH + "); lock file "
                        + lockFile + ".");
    }

    static Message lockUnwritable(Path lockFile, Exception e) {
        return new Message("Tuloskansion lukkoa ei voitu luoda: " + lockFile + " (" + e + ")",
                "Utdatamappens lås kunde inte skapas: " + lockFile + " (" + e + ")",
                "Could not create the output folder's lock: " + lockFile + " (" + e + ")");
    }

    static Message notOurs(Path out) {
        return new Message(
                "--out " + out + " on jo olemassa eikä ole digikuntan tuloskansio; valitse toinen kansio tai tyhjennä se.",
                "--out " + out + " finns redan och är inte en utdatamapp från digikunta; välj en annan mapp eller töm den.",
                "--out " + out + " already exists and is not a digikunta output folder; choose another folder or empty it.");
    }

    static Message notWritable(Path path, Exception e) {
        return new Message("Tuloskansioon ei voi kirjoittaa: " + path + " (" + e + ")",
                "Det går inte att skriva i utdatamappen: " + path + " (" + e + ")",
                "Cannot write the output folder: " + path + " (" + e + ")");
    }

    static Message replaceBlocked(Path out, Exception e) {
        return new Message(
                "Edellisiä raportteja ei voitu korvata (" + out + "): jokin tiedosto on ehkä auki toisessa ohjelmassa "
                        + "(Excel?). Sulje se ja aja uudelleen. Edelliset raportit ovat ennallaan. (" + e + ")",
                "De förra rapporterna kunde inte ersättas (" + out + "): en fil är kanske öppen i ett annat program "
                        + "(Excel?). Stäng den och kör igen. De förra rapporterna är orörda. (" + e + ")",
                "Could not replace the previous reports (" + out + "): a file may be open in another program "
                        + "(Excel?). Close it and run again. The previous reports are unchanged. (" + e + ")");
    }
}
