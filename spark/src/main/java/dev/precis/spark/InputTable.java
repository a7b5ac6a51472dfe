package dev.precis.spark;

import dev.precis.PrecisException;
import dev.precis.config.DataConfig;
import dev.precis.data.CsvDialect;
import dev.precis.data.CsvHead;
import dev.precis.io.Temporaries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A data file (CSV, or Parquet), local or on a cluster's file system, as rows of text fields, one
 * per column, the way Precis reads a file. The schema is given, never inferred: a CSV's dialect and
 * column names come from its head alone, read on the driver as precis does it; every column is
 * text, which the bundle's pipeline parses as it parsed the training file. A record with the wrong
 * number of fields is kept, marked as malformed, to be counted, never to fail the job.
 *
 * @param rows the rows: one text column per data column, then the malformed-record marker
 * @param columns the data columns, in order
 */
record InputTable(Dataset<Row> rows, List<String> columns) {
  /** The column that holds the raw text of a malformed CSV record, null otherwise. */
  static final String MALFORMED = "_precis_malformed_record";

  private static final int HEAD_BYTES = 1 << 18;

  /**
   * @param data a file or a directory of part files
   * @param config the bundle's data settings: delimiter, header, quoting, encoding
   */
  static InputTable read(SparkSession spark, String data, DataConfig config) {
    return isParquet(data) ? parquet(spark, data) : csv(spark, data, config);
  }

  static boolean isParquet(String path) {
    return path.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet");
  }

  private static InputTable parquet(SparkSession spark, String data) {
    Dataset<Row> table = spark.read().parquet(data);
    List<String> columns = Arrays.asList(table.columns());
    List<Column> text = new ArrayList<>();
    for (String name : columns) {
      text.add(functions.col(quoted(name)).cast(DataTypes.StringType).as(name));
    }
    text.add(functions.lit(null).cast(DataTypes.StringType).as(MALFORMED));
    return new InputTable(table.select(text.toArray(new Column[0])), columns);
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static InputTable csv(SparkSession spark, String data, DataConfig config) {
    CsvDialect dialect;
    List<String> columns;
    Path head = head(spark, data);
    try (CsvHead opened = CsvHead.open(head, config)) {
      dialect = opened.dialect();
      columns = opened.columns();
    } catch (PrecisException e) {
      // the message names the local copy of the head; the user knows the data by its own name
      throw new PrecisException(
          e.exitCode(), e.getMessage().replace(head.toString(), data), e.getCause());
    } finally {
      Temporaries.deleteQuietly(head);
      Temporaries.deleteQuietly(head.getParent());
    }
    List<StructField> fields = new ArrayList<>();
    for (String name : columns) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
    Dataset<Row> rows =
        spark
            .read()
            .schema(DataTypes.createStructType(fields))
            .option("sep", String.valueOf(dialect.delimiter()))
            .option("header", dialect.header())
            .option("encoding", config.encoding())
            // RFC 4180, as precis reads: a doubled quote inside quotes is one quote
            .option("quote", dialect.quoted() ? String.valueOf(CsvDialect.QUOTE) : "\u0000")
            .option("escape", String.valueOf(CsvDialect.QUOTE))
            // an empty field stays empty text: the pipeline decides what is missing
            .option("nullValue", "\u0000")
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", MALFORMED)
            .csv(data);
    return new InputTable(rows, columns);
  }

  /**
   * The first bytes of the data (its first part file, for a directory), copied to a local file
   * under the data's name, whole lines only: enough to sniff the dialect and read the header.
   */
  private static Path head(SparkSession spark, String data) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(data);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw PrecisException.data(data + ": no such file or directory; check --data");
      }
      if (fs.getFileStatus(path).isDirectory()) {
        path = firstPart(fs, path, data);
      }
      byte[] bytes = new byte[HEAD_BYTES];
      int n = 0;
      try (InputStream in = fs.open(path)) {
        int read;
        while (n < bytes.length && (read = in.read(bytes, n, bytes.length - n)) > 0) {
          n += read;
        }
      }
      if (n == bytes.length) {
        while (n > 0 && bytes[n - 1] != '\n') {
          n--;
        }
      }
      Path dir = Files.createTempDirectory("precis-spark-head");
      return Files.write(dir.resolve(path.getName()), Arrays.copyOf(bytes, n));
    } catch (IOException e) {
      throw PrecisException.data(data + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The first data file of a directory that Spark wrote, skipping its _SUCCESS and .crc files. */
  private static org.apache.hadoop.fs.Path firstPart(
      FileSystem fs, org.apache.hadoop.fs.Path dir, String data) throws IOException {
    FileStatus[] parts =
        fs.listStatus(dir, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."));
    Arrays.sort(parts);
    for (FileStatus part : parts) {
      if (part.isFile() && part.getLen() > 0) {
        return part.getPath();
      }
    }
    throw PrecisException.data(data + ": the directory holds no data file; check --data");
  }
}
