package fi.digikunta.read;

/**
 * {@link FastXml}'s event and attribute arrays and its name table, passed from one part of a file to
 * the next: a file's parts are read one after another on one thread. Why: new arrays for each of a
 * return's 16 or so parts were an eighth of all that a 308-return run allocated (docs/performance.md,
 * session 10). A part opened while another holds them gets arrays of its own.
 */
final class TokenArrays {
    final XmlSubset.Names names = new XmlSubset.Names();
    private final int[][] ints = new int[3][];
    private final String[][] strings = new String[4][];
    private boolean taken;

    /** True when the arrays were free and are now the caller's until {@link #give}. */
    boolean take() {
        if (taken) {
            return false;
        }
        taken = true;
        return true;
    }

    /** Array k of ints, at least n long (a new one when the kept one is shorter). */
    int[] ints(int k, int n) {
        int[] a = ints[k];
        return a != null && a.length >= n ? a : new int[n];
    }

    /** Array k of strings, at least n long. */
    String[] strings(int k, int n) {
        String[] a = strings[k];
        return a != null && a.length >= n ? a : new String[n];
    }

    /** The arrays back, as the part left them (grown, perhaps). */
    void give(int[][] ints, String[][] strings) {
        System.arraycopy(ints, 0, this.ints, 0, this.ints.length);
        System.arraycopy(strings, 0, this.strings, 0, this.strings.length);
        taken = false;
    }
}
