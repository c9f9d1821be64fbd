package org.wattledger.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.wattledger.importers.ReadingRows;
import org.wattledger.spark.Parts.RawRow;
import org.wattledger.spark.Parts.Table;

/**
 * The readings files of a job: {@code --readings} paths (files, or folders of {@code .csv} and
 * {@code .parquet} files, on any file system Spark reads), each a table named by its file name,
 * read as rows with the row numbers the user sees. A CSV file is UTF-8, comma-separated, one row
 * per line (line N is row N); a Parquet file's column names are its header (row 1) and its Nth
 * record is row N + 1.
 */
final class ReadingFiles {
    private final List<Table> tables;
    private final Configuration conf;

    private ReadingFiles(List<Table> tables, Configuration conf) {
        this.tables = tables;
        this.conf = conf;
    }

    List<Table> tables() {
        return tables;
    }

    static ReadingFiles open(SparkSession spark, List<String> paths) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Table> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            for (String given : paths) {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(given);
                FileSystem fs = path.getFileSystem(conf);
                if (!fs.exists(path)) {
                    throw new IllegalArgumentException("--readings: no such file or folder: " + given);
                }
                List<FileStatus> found = new ArrayList<>();
                if (fs.getFileStatus(path).isDirectory()) {
                    FileStatus[] listed = fs.listStatus(path);
                    Arrays.sort(listed, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
                    for (FileStatus f : listed) {
                        String n = f.getPath().getName();
                        if (f.isFile() && !n.startsWith("_") && !n.startsWith(".") && (isCsv(n) || isParquet(n))) {
                            found.add(f);
                        }
                    }
                    if (found.isEmpty()) {
                        throw new IllegalArgumentException("--readings " + given + " holds no .csv or .parquet file");
                    }
                } else {
                    found.add(fs.getFileStatus(path));
                }
                for (FileStatus f : found) {
                    String name = f.getPath().getName();
                    if (!names.add(name)) {
                        throw new IllegalArgumentException("two readings files are named " + name + "; reports name"
                                + " a row by its file name, so rename one");
                    }
                    boolean parquet = isParquet(name);
                    List<String[]> header = parquet ? parquetHeader(spark, f.getPath().toString())
                            : csvHeader(fs, f.getPath(), name);
                    // A file without a readings header stops the job here, with what is missing.
                    int headerRow = ReadingRows.open(name, header).headerRow();
                    tables.add(new Table(tables.size(), name, f.getPath().toString(), parquet,
                            List.copyOf(header.subList(0, headerRow))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReadingFiles(tables, conf);
    }

    private static boolean isCsv(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz");
    }

    private static boolean isParquet(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** The first lines of a CSV file (up to the header scan), split. */
    private static List<String[]> csvHeader(FileSystem fs, org.apache.hadoop.fs.Path path, String name)
            throws IOException {
        List<String[]> rows = new ArrayList<>();
        InputStream raw = fs.open(path);
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            raw = new java.util.zip.GZIPInputStream(raw);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && rows.size() < ReadingRows.HEADER_SCAN_ROWS;
                    line = in.readLine()) {
                if (rows.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (rows.isEmpty() && line.indexOf(',') < 0 && (line.indexOf(';') >= 0 || line.indexOf('\t') >= 0)) {
                    throw new IllegalArgumentException(name + " is not comma-separated; the Spark job reads"
                            + " comma-separated UTF-8 CSV (or Parquet)");
                }
                String[] cells = split(line);
                rows.add(cells == null ? new String[0] : cells);
            }
        }
        return rows;
    }

    /** A Parquet file's column names, as its header row. */
    private static List<String[]> parquetHeader(SparkSession spark, String path) {
        return List.<String[]>of(spark.read().parquet(path).columns());
    }

    /** One CSV line's fields; null when the line is not a whole row (a quote opened and not closed). */
    static String[] split(String line) {
        try {
            CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(',').allowExtraFields(true)
                    .allowMissingFields(true).allowUnclosedQuote(false).ofCsvRecord(line);
            List<String> fields = null;
            for (CsvRecord r : csv) {
                if (fields != null) {
                    return null;
                }
                fields = r.getFields();
            }
            return fields == null ? new String[0] : fields.toArray(new String[0]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every data row of every file, in file order. */
    JavaRDD<RawRow> rows(SparkSession spark, JavaSparkContext jsc) {
        List<JavaRDD<RawRow>> parts = new ArrayList<>();
        for (Table t : tables) {
            parts.add(t.parquet() ? parquetRows(spark, t) : csvRows(jsc, t));
        }
        JavaRDD<RawRow> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.union(parts.get(i));
        }
        return all;
    }

    private static JavaRDD<RawRow> csvRows(JavaSparkContext jsc, Table t) {
        int table = t.index();
        int headerRow = t.headerRows().size();
        return jsc.textFile(t.path()).zipWithIndex().filter(p -> p._2() >= headerRow).map(p -> {
            int row = Math.toIntExact(p._2() + 1);
            String line = p._1();
            if (line.indexOf('\uFFFD') >= 0) {
                return new RawRow(table, row, null, "this line is not UTF-8 text; the Spark job reads UTF-8 CSV");
            }
            String[] cells = split(line);
            return cells == null ? new RawRow(table, row, null, "a quote opened in this line is not closed in it;"
                    + " the Spark job reads one row per line (close or remove the quote)")
                    : new RawRow(table, row, cells, null);
        });
    }

    private static JavaRDD<RawRow> parquetRows(SparkSession spark, Table t) {
        int table = t.index();
        Dataset<Row> df = spark.read().parquet(t.path());
        String[] names = df.columns();
        Column[] cols = new Column[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            cols[i] = functions.col("`" + names[i].replace("`", "``") + "`").cast("string");
        }
        cols[names.length] = functions.col("_metadata.row_index");
        int n = names.length;
        return df.select(cols).javaRDD().map(r -> {
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                cells[i] = r.isNullAt(i) ? null : r.getString(i);
            }
            return new RawRow(table, Math.toIntExact(r.getLong(n) + 2), cells, null);
        });
    }

    /** The SHA-256 of a file's bytes, as the report names its inputs. */
    String sha256(Table t) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(t.path());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = path.getFileSystem(conf).open(path)) {
                byte[] buffer = new byte[1 << 16];
                for (int k = in.read(buffer); k >= 0; k = in.read(buffer)) {
                    digest.update(buffer, 0, k);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
