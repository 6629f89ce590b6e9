/**
 * What every capability stands on: configuration from {@code MARQUE_*} variables, the schema
 * migration at start-up, time conversion and the one exception type for rejected input.
 */
package io.marque.portal.platform;
