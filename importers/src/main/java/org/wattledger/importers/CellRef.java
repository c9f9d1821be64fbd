package org.wattledger.importers;

/** Cell references such as "AB12": 0-based column and 0-based row packed in a long, -1 when malformed. */
final class CellRef {
    private CellRef() {
    }

    static long parse(String ref) {
        int i = 0;
        int n = ref.length();
        int col = 0;
        while (i < n && i < 4) {
            char ch = ref.charAt(i);
            if (ch == '$') {
                i++;
                continue;
            }
            int d = (ch | 0x20) - 'a';
            if (d < 0 || d > 25) {
                break;
            }
            col = col * 26 + d + 1;
            i++;
        }
        if (col == 0) {
            return -1;
        }
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        long row = 0;
        int digits = 0;
        while (i < n) {
            char ch = ref.charAt(i++);
            if (ch < '0' || ch > '9' || ++digits > 9) {
                return -1;
            }
            row = row * 10 + (ch - '0');
        }
        if (digits == 0 || row == 0) {
            return -1;
        }
        return ((row - 1) << 20) | (col - 1);
    }

    /** The 0-based column of a cell reference, -1 when malformed; faster than {@link #parse} for "B12". */
    static int columnOf(CharSequence ref) {
        int col = 0;
        int n = ref.length();
        for (int i = 0; i < n; i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                col = col * 26 + (ch - 'A' + 1);
            } else if (ch >= '0' && ch <= '9') {
                return col - 1;
            } else if (ch != '$') {
                return -1;
            }
            if (col > 1_000_000) {
                return -1;
            }
        }
        return -1;
    }

    static int row(long packed) {
        return (int) (packed >>> 20);
    }

    static int column(long packed) {
        return (int) (packed & 0xFFFFF);
    }
}
