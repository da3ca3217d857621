package fi.digikunta.cli;

import fi.digikunta.schema.Lang;
import picocli.CommandLine.Option;

/** Options every subcommand takes. --lang is also read before parsing, to pick the help language. */
public final class CommonOptions {
    @Option(names = "--lang", paramLabel = "fi|sv|en", descriptionKey = "option.lang",
            converter = LangConverter.class, defaultValue = "fi")
    Lang lang = Lang.FI;

    @Option(names = {"-v", "--verbose"}, descriptionKey = "option.verbose")
    boolean verbose;

    public Lang lang() {
        return lang;
    }

    public boolean verbose() {
        return verbose;
    }

    static final class LangConverter implements picocli.CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            try {
                return Lang.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "': fi, sv, en");
            }
        }
    }
}
