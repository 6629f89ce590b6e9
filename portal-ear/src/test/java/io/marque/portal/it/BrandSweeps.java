package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;

/**
 * The two runs every brand sweep makes: against the provider's words as they are in the data, and again
 * with the provider renamed at run time, so the check is not tied to one string.
 */
final class BrandSweeps {

    /** What a sweep reaches, read into the check it is given. */
    @FunctionalInterface
    interface Sweep {
        void run(BrandCheck check) throws Exception;
    }

    private BrandSweeps() {
    }

    /** Runs the sweep against the provider's words as they are; any finding fails. */
    static void findNothing(ProviderBrand provider, Collection<Long> resellerIds, Sweep sweep) throws Exception {
        BrandCheck check = new BrandCheck(provider.forbidden(resellerIds));
        sweep.run(check);
        assertEquals(List.of(), check.findings(), check.report());
    }

    /**
     * Renames the provider, checks that the words read from the data follow the new names, runs the sweep
     * against them and puts the provider back.
     */
    static void findNothingRenamed(ProviderBrand provider, Collection<Long> resellerIds, Sweep sweep) throws Exception {
        ProviderBrand.Renamed renamed = provider.rename();
        try {
            Forbidden forbidden = provider.forbidden(resellerIds);
            for (String word : renamed.newWords()) {
                assertTrue(forbidden.providerWords().containsKey(word),
                        "the forbidden words are read from the data, so they hold the new " + word + ": "
                                + forbidden.providerWords().keySet());
            }
            assertEquals(renamed.newWords().get(0), provider.displayName(), "the provider is renamed");
            BrandCheck check = new BrandCheck(forbidden);
            sweep.run(check);
            assertEquals(List.of(), check.findings(), "with the provider named " + renamed.newWords().get(0) + ": "
                    + check.report());
        } finally {
            provider.restore(renamed);
        }
        assertEquals(renamed.brand().displayName(), provider.displayName(), "the provider's name is back");
    }
}
