package fi.digikunta.read;

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
}
