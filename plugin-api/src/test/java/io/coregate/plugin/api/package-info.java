/** Fast tests of the plugin API's value types. */
package io.coregate.plugin.api;
