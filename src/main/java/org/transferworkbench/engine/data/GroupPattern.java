package org.transferworkbench.engine.data;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Applies a {@link SplitSpec#groupPattern()} to images; see there for the rule. */
final class GroupPattern {
    private GroupPattern() {
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("The group pattern '" + regex
                    + "' is not a valid regular expression: " + e.getDescription() + ".", e);
        }
    }

    /** The group key, or empty when the pattern does not match (or captures nothing). */
    static Optional<String> groupOf(Pattern pattern, ImageRecord image) {
        Matcher matcher = pattern.matcher(pathBelowClassFolder(image));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String key = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
        return key == null || key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** Unmatched or ungrouped images are alone in a group named after their path. */
    static String groupOrSelf(Pattern pattern, ImageRecord image) {
        return pattern == null ? image.relativePath() : groupOf(pattern, image).orElse(image.relativePath());
    }

    private static String pathBelowClassFolder(ImageRecord image) {
        return image.relativePath().substring(image.className().length() + 1);
    }
}
