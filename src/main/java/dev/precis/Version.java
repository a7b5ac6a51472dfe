package dev.precis;

/** The versions a report or bundle records. */
public final class Version {
  private Version() {}

  /** This build of Precis, from the jar manifest; "dev" when run from compiled classes. */
  public static String precis() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The Tribuo release Precis is built on. */
  public static String tribuo() {
    return org.tribuo.Tribuo.VERSION;
  }
}
