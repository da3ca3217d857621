package fi.digikunta.report;

import fi.digikunta.read.ReadLimits;
import fi.digikunta.schema.Lang;
import java.util.ArrayList;
import java.util.List;
import fi.digikunta.validate.Validator;
import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.findings.FindingTexts;

/**
 * Renders docs/findings.md from {@link FindingCode} and the message texts. A test pins the file to
 * this output; see the file's header for how to refresh it.
 */
public final class FindingsDoc {
    private FindingsDoc() {
    }

    public static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Finding catalogue\n\n");
        b.append("<!-- Generated from fi.digikunta.findings.FindingCode and "
                + "src/main/resources/fi/digikunta/findings/Findings*.properties; do not edit by hand.\n"
                + "     Refresh: mvn -B -o -q test -Dtest=FindingsDocTest -Ddigikunta.updateDocs=true -->\n\n");
        b.append("Every problem the tool reports has a stable code. Scripts, reports and samples/README.md match "
                + "on the code, never on the message text. Every finding names the file, the tab (`sheet`) and the "
                + "cell in A1 notation where it has one, its severity, and a message in Finnish, Swedish and "
                + "English.\n\n");
        b.append("**Level** says what the finding does to its file:\n\n");
        b.append("- `reject`: the file is rejected (outcome `rejected`); the code is the file's reason, and the "
                + "finding's severity is `error`.\n");
        b.append("- `error`: the file still counts; the value or row the finding points at is left out of the "
                + "figures.\n");
        b.append("- `warning`: the file still counts (outcome `accepted_with_warnings`); the value was read as "
                + "the message says.\n");
        b.append("- `reason`: never a finding, only the reason given with an outcome.\n\n");
        b.append("**Family** says where it points: `file` (no tab, no cell), `identification` (the summary tab "
                + "and the value cell), `tab` (a tab, and a header cell where there is one), `row` (the row's "
                + "id or status cell), `cell` (the cell), `outcome`.\n\n");
        b.append("Placeholders `{0}`, `{1}`... are filled with the file's own values (cell text, part names, "
                + "limits). Findings of one kind beyond " + Validator.DEFAULT_FINDINGS_CAP
                + " a file are not kept; the file then gets one `findings-capped` warning and `findings_truncated` is true. Reading limits "
                + "(file size " + ReadLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB and the others) are in "
                + "docs/reading.md.\n\n");
        b.append("| code | level | family | title |\n|---|---|---|---|\n");
        for (FindingCode c : FindingCode.values()) {
            b.append("| [`").append(c.code()).append("`](#").append(c.code()).append(") | ").append(c.level().id())
                    .append(" | ").append(c.family().id()).append(" | ")
                    .append(FindingTexts.template(Lang.EN, c.code() + ".title")).append(" |\n");
        }
        b.append('\n');
        for (FindingCode c : FindingCode.values()) {
            b.append("## ").append(c.code()).append("\n\n");
            b.append("Level `").append(c.level().id()).append("`, family `").append(c.family().id())
                    .append("`. ").append(FindingTexts.template(Lang.FI, c.code() + ".title")).append(" / ")
                    .append(FindingTexts.template(Lang.SV, c.code() + ".title")).append(" / ")
                    .append(FindingTexts.template(Lang.EN, c.code() + ".title")).append(".\n\n");
            b.append("| message | fi | sv | en |\n|---|---|---|---|\n");
            for (String key : keys(c)) {
                String variant = key.equals(c.code()) ? "(main)" : key.substring(c.code().length() + 1);
                b.append("| ").append(variant);
                for (Lang l : Lang.values()) {
                    b.append(" | ").append(cell(FindingTexts.template(l, key)));
                }
                b.append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The code's message keys: the main one first, then its variants in key order. */
    static List<String> keys(FindingCode c) {
        List<String> out = new ArrayList<>();
        out.add(c.code());
        for (String k : FindingTexts.keys(Lang.FI)) {
            if (k.startsWith(c.code() + ".") && !k.equals(c.code() + ".title")
                    && FindingCode.of(k.substring(0, k.lastIndexOf('.'))).orElse(null) == c) {
                out.add(k);
            }
        }
        return out;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
