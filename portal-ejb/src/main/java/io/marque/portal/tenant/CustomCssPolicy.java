package io.marque.portal.tenant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a reseller's custom CSS may be stored and served to their customers.
 *
 * <p>The CSS is written by one tenant and rendered inside a {@code <style>} element on pages seen
 * by many users, so it must not be able to close the element, run script (old IE expressions and
 * behaviours, Firefox bindings, {@code javascript:} URLs) or load anything from elsewhere
 * ({@code @import}, external {@code url()}), which would leak visitors to a third party. Only
 * images embedded as {@code data:} URIs are allowed.
 *
 * <p>The policy rejects instead of rewriting: the reseller sees every problem in plain English and
 * the stored stylesheet is never something they did not write. Checks run case-insensitively on
 * the text with comments removed, so {@code ex/**}{@code /pression(} is caught; rules about
 * characters ({@code <}, backslash, control characters) run on the raw text because a comment can
 * still break out of a {@code <style>} element.
 */
public class CustomCssPolicy {

  /** The longest stylesheet accepted, in characters. */
  public static final int MAX_LENGTH = 20_000;

  private static final List<Rule> RULES =
      List.of(
          new Rule("@import", "error.css.import"),
          new Rule("@charset", "error.css.charset"),
          new Rule("@namespace", "error.css.namespace"),
          new Rule("expression\\s*\\(", "error.css.expression"),
          new Rule("javascript\\s*:", "error.css.javascript"),
          new Rule("vbscript\\s*:", "error.css.vbscript"),
          new Rule("behavior", "error.css.behavior"),
          new Rule("-moz-binding|binding\\s*:", "error.css.binding"),
          // These take plain strings as image URLs, which would bypass the url() check.
          new Rule("image-set\\s*\\(", "error.css.imageSet"),
          new Rule(
              "(?<![a-z0-9_-])image\\s*\\(",
              "error.css.image"));

  private static final Pattern URL_FUNCTION = Pattern.compile("url\\s*\\(");
  private static final Pattern ALLOWED_URL_TARGET =
      Pattern.compile("\\s*['\"]?\\s*data:image/(?:png|gif|jpeg|webp)[;,]");

  /**
   * Lists what is wrong with a stylesheet.
   *
   * @param css the stylesheet as entered; null is treated as empty
   * @return message keys (their wording is in the base theme's bundles), one per kind of problem, in
   *     a stable order; empty if the stylesheet may be stored
   */
  public List<String> problems(String css) {
    if (css == null || css.isEmpty()) {
      return List.of();
    }
    if (css.length() > MAX_LENGTH) {
      return List.of("error.css.tooLong");
    }
    Set<String> problems = new LinkedHashSet<>();
    checkCharacters(css, problems);

    String code = withoutComments(css);
    if (code == null) {
      problems.add("error.css.comment");
      code = css;
    }
    code = code.toLowerCase(Locale.ROOT);

    if (!bracesBalance(code)) {
      problems.add("error.css.braces");
    }
    for (Rule rule : RULES) {
      if (rule.pattern.matcher(code).find()) {
        problems.add(rule.message);
      }
    }
    Matcher url = URL_FUNCTION.matcher(code);
    while (url.find()) {
      Matcher target = ALLOWED_URL_TARGET.matcher(code).region(url.end(), code.length());
      if (!target.lookingAt()) {
        problems.add("error.css.url");
        break;
      }
    }
    return List.copyOf(problems);
  }

  private static void checkCharacters(String css, Set<String> problems) {
    for (int i = 0; i < css.length(); i++) {
      char c = css.charAt(i);
      if (c == '<') {
        problems.add("error.css.angle");
      } else if (c == '\\') {
        problems.add("error.css.backslash");
      } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        problems.add("error.css.control");
      }
    }
  }

  /** Removes {@code /* … *}{@code /} comments; returns null if one is not closed. */
  private static String withoutComments(String css) {
    StringBuilder out = new StringBuilder(css.length());
    int i = 0;
    while (i < css.length()) {
      int open = css.indexOf("/*", i);
      if (open < 0) {
        out.append(css, i, css.length());
        break;
      }
      out.append(css, i, open);
      int close = css.indexOf("*/", open + 2);
      if (close < 0) {
        return null;
      }
      i = close + 2;
    }
    return out.toString();
  }

  private static boolean bracesBalance(String code) {
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  private record Rule(Pattern pattern, String message) {
    Rule(String regex, String message) {
      this(Pattern.compile(regex), message);
    }
  }
}
