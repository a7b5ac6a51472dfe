package dev.precis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up customer file with personal columns (no real person's data): an id, e-mail addresses at
 * example domains, UK-style phone numbers, Luhn-valid test card numbers (4111 11...), US-style
 * social security numbers and postcodes, beside an age, a plan and a response {@code y} that
 * depends on the plan and the age.
 */
final class PersonalFixture {
  static final int ROWS = 240;
  static final String HEADER = "customer,email,phone,card,ssn,postcode,age,plan,y";
  private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net"};
  private static final String[] DISTRICTS = {"SW1A", "M1", "EH8", "B33"};
  private static final String[] PLANS = {"basic", "plus", "premium"};

  private PersonalFixture() {}

  static String customer(int i) {
    return "C" + (10007 + 13 * i);
  }

  static String email(int i) {
    return "person" + i + "@" + DOMAINS[i % DOMAINS.length];
  }

  static String phone(int i) {
    return String.format("+44 7700 9%05d", 31 * i);
  }

  static String card(int i) {
    String body = String.format("411111111%06d", 7 * i);
    return body + checkDigit(body);
  }

  static String ssn(int i) {
    return String.format("%03d-%02d-%04d", 100 + i % 800, 10 + i % 89, 1000 + 17 * i);
  }

  static String postcode(int i) {
    return DISTRICTS[i % DISTRICTS.length] + " " + (1 + i % 9) + "AB";
  }

  /** Every raw value of the personal columns and the id. */
  static List<String> personalValues() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      values.addAll(List.of(customer(i), email(i), phone(i), card(i), ssn(i), postcode(i)));
    }
    return values;
  }

  /** Writes the file; {@code rows} replaces the generated row i when given. */
  static Path write(Path dir, String name) throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < ROWS; i++) {
      csv.append(row(i)).append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  static String row(int i) {
    int age = 20 + (i * 7) % 50;
    String plan = PLANS[(i / 3) % PLANS.length];
    boolean yes = (plan.equals("premium") && age > 30) || (i % 11 == 0);
    return String.join(
        ",",
        customer(i),
        email(i),
        phone(i),
        card(i),
        ssn(i),
        postcode(i),
        String.valueOf(age),
        plan,
        yes ? "yes" : "no");
  }

  private static int checkDigit(String body) {
    int sum = 0;
    for (int k = 0; k < body.length(); k++) {
      int digit = body.charAt(body.length() - 1 - k) - '0';
      if (k % 2 == 0) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}
