package dev.precis.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the module's tests (a session costs seconds to start): local mode on two
 * cores, small file splits so that a 4,119-row file is scored by several partitions.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("precis-spark tests")
              .config("spark.ui.enabled", false)
              .config("spark.sql.shuffle.partitions", 2)
              .config("spark.sql.files.maxPartitionBytes", 100_000)
              .config("spark.sql.files.openCostInBytes", 10_000)
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
