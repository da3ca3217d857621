package fi.digikunta.read;

import fi.digikunta.read.RawSheet.MergedRange;

/** A1 cell references: 0-based (row, col) to "C7" and back. */
public final class CellRef {
    private CellRef() {
    }

    public static String column(int col) {
        StringBuilder b = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            b.append((char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return b.reverse().toString();
    }

    public static String a1(int row, int col) {
        return column(col) + (row + 1);
    }

    /** 0-based column index of letters such as "AB"; -1 when not letters. */
    public static int columnIndex(String letters) {
        int c = 0;
        for (int i = 0; i < letters.length(); i++) {
            char ch = letters.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                return -1;
            }
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    /** "C7" to {6, 2} (0-based row, column); null when not a cell reference. */
    static int[] parse(String ref) {
        int i = 0;
        int n = ref.length();
        int col = 0;
        while (i < n && i < 4) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            i++;
        }
        if (i == 0 || i == n) {
            return null;
        }
        int row = 0;
        for (int j = i; j < n; j++) {
            char c = ref.charAt(j);
            if (c < '0' || c > '9' || row > 10_000_000) {
                return null;
            }
            row = row * 10 + (c - '0');
        }
        return row < 1 ? null : new int[] {row - 1, col - 1};
    }

    /** "A1:C3" (or one cell) to a merged range; null when not a range. */
    static MergedRange range(String ref) {
        if (ref == null) {
            return null;
        }
        int colon = ref.indexOf(':');
        int[] a = parse(colon < 0 ? ref : ref.substring(0, colon));
        int[] b = colon < 0 ? a : parse(ref.substring(colon + 1));
        if (a == null || b == null) {
            return null;
        }
        return new MergedRange(Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]),
                Math.max(a[1], b[1]));
    }
}
