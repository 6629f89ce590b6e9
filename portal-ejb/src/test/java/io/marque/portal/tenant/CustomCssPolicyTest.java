package io.marque.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomCssPolicyTest {

  private final CustomCssPolicy policy = new CustomCssPolicy();

  private static final String REALISTIC =
      """
      /* Acme Hosting brand colours */
      :root {
        --brand: #0a5cff;
        --brand-dark: color-mix(in srgb, var(--brand) 80%, black);
        --radius: 6px;
      }
      body > header .logo { height: 40px; }
      nav > ul > li + li::before { content: "›"; margin: 0 .5em; }
      .ticket-list tr:nth-child(2n) td { background: rgba(0, 0, 0, .03); }
      a:hover, a:focus-visible { color: var(--brand-dark); text-decoration: underline; }
      .hero {
      \tbackground: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==") no-repeat;
      }
      .badge { background-image: url(data:image/webp;base64,UklGRhoAAABXRUJQ); }
      .icon { background: URL( 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' ); }
      @font-face { font-family: "Brand"; src: local("Helvetica Neue"), local(Arial); }
      @media (max-width: 600px) and (prefers-color-scheme: dark) {
        .sidebar { display: none; }
        :root { --brand: #7aa7ff; }
      }
      @supports (display: grid) { .grid { display: grid; gap: calc(var(--radius) * 2); } }
      @keyframes pulse { from { opacity: 1; } to { opacity: .4; } }
      """;

  @Test
  void realisticStylesheetIsAccepted() {
    assertEquals(List.of(), policy.problems(REALISTIC));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void nothingToCheckIsAccepted(String css) {
    assertEquals(List.of(), policy.problems(css));
  }

  @Test
  void stylesheetOfExactlyMaxLengthIsAccepted() {
    String css = "a{}" + " ".repeat(CustomCssPolicy.MAX_LENGTH - 3);
    assertEquals(List.of(), policy.problems(css));
  }

  @Test
  void longerStylesheetIsRejectedGivingTheLimit() {
    String css = "a{}" + " ".repeat(CustomCssPolicy.MAX_LENGTH - 2);
    assertEquals(List.of("error.css.tooLong"), policy.problems(css));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "</style><script>alert(1)</script>|error.css.angle",
        "a { color: red } /* </style> */|error.css.angle",
        "a { content: '<' }|error.css.angle",
        "a { color: r\\65 d }|error.css.backslash",
        "@\\69mport 'x.css';|error.css.backslash",
        "@import 'https://evil.example/x.css';|error.css.import",
        "@IMPORT 'x.css';|error.css.import",
        "@charset \"UTF-8\";|error.css.charset",
        "@namespace svg \"http://www.w3.org/2000/svg\";|error.css.namespace",
        "a { width: expression(alert(1)) }|error.css.expression",
        "a { width: EXPRESSION (alert(1)) }|error.css.expression",
        "a { width: ex/**/pression(alert(1)) }|error.css.expression",
        "a { -ms-filter: 'javascript:alert(1)' }|error.css.javascript",
        "a { x: JavaScript :alert(1) }|error.css.javascript",
        "a { x: java/* */script:alert(1) }|error.css.javascript",
        "a { x: vbscript:msgbox(1) }|error.css.vbscript",
        "a { behavior: x }|error.css.behavior",
        "a { -ms-BEHAVIOR: x }|error.css.behavior",
        "a { -moz-binding: x }|error.css.binding",
        "a { binding : x }|error.css.binding",
        "a { -MOZ-BINDING : x }|error.css.binding",
        "a { background: image-set('https://evil.example/t.png' 1x) }|error.css.imageSet",
        "a { background: -webkit-image-set('https://evil.example/t.png' 1x) }|error.css.imageSet",
        "a { background: image('https://evil.example/t.png') }|error.css.image",
        "a { color: red }}|error.css.braces",
        "a { color: red|error.css.braces",
        "} a { color: red {|error.css.braces",
        "a { color: red } /* unfinished|error.css.comment",
        "a { color: red /* */ } /*/|error.css.comment",
      })
  void rejectsEachForbiddenConstructWithAClearMessage(String css, String message) {
    assertEquals(List.of(message), policy.problems(css));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a { background: url(https://tracker.example/pixel.gif) }",
        "a { background: url('//tracker.example/pixel.gif') }",
        "a { background: url(/internal/admin) }",
        "a { background: url(data:image/svg+xml;base64,PHN2Zz4=) }",
        "a { background: url(data:text/html,hi) }",
        "a { background: url( \"data:image/pngx,\" ) }",
        "a { background: url(javascript-free.png) }",
        "@font-face { font-family: X; src: url(https://fonts.example/x.woff2); }",
        "a { cursor: u/**/rl(https://tracker.example/c) }",
        "a { background: url(data:image/png;base64,AAAA), url(https://tracker.example/p) }",
      })
  void urlsAreRejectedUnlessTheyEmbedARasterImage(String css) {
    assertEquals(
        List.of(
            "error.css.url"),
        policy.problems(css));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a { background: url(data:image/png;base64,AAAA) }",
        "a { background: url(\"data:image/jpeg;base64,AAAA\") }",
        "a { background: url('data:image/gif,GIF89a') }",
        "a { background: url(  DATA:IMAGE/WEBP;base64,AAAA  ) }",
      })
  void embeddedRasterImagesAreAllowed(String css) {
    assertEquals(List.of(), policy.problems(css));
  }

  @ParameterizedTest
  @ValueSource(chars = {'\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085'})
  void rejectsControlCharacters(char c) {
    assertEquals(
        List.of("error.css.control"),
        policy.problems("a { color: red; }" + c));
  }

  @Test
  void allowsTabsAndBothKindsOfLineBreak() {
    assertEquals(List.of(), policy.problems("a {\r\n\tcolor: red;\n}\r"));
  }

  @Test
  void allowsChildCombinatorAndHarmlessLookalikeWords() {
    String css = "main > .content > p { font-family: 'Imagery', serif; }"
        + " .binding-note { color: gray } .expressions { margin: 0 } .imported { x: 1 }";
    assertEquals(List.of(), policy.problems(css));
  }

  @Test
  void reportsEveryKindOfProblemOnceInAStableOrder() {
    String css = "@import 'a.css'; @import 'b.css'; a { x: expression(1) } < < b { }}";
    assertEquals(
        List.of(
            "error.css.angle",
            "error.css.braces",
            "error.css.import",
            "error.css.expression"),
        policy.problems(css));
  }

  @Test
  void unclosedCommentStillGetsTheRestChecked() {
    List<String> problems = policy.problems("a { x: expression(1) } /* open");
    assertTrue(problems.contains("error.css.expression"), problems.toString());
    assertTrue(
        problems.contains("error.css.comment"),
        problems.toString());
  }

  @Test
  void returnedListIsUnmodifiable() {
    List<String> problems = policy.problems("@import 'x';");
    assertThrows(UnsupportedOperationException.class, () -> problems.add("x"));
  }
}
