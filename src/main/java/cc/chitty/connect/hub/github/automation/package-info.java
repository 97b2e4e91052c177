/**
 * What a GitHub delivery does once the backbone hands it over: the original's automations (compliance check runs,
 * pull request labels, summary and reviewers), the installation rows and their ChittyIDs, and a ChittyChronicle
 * entry per handled event.
 */
package cc.chitty.connect.hub.github.automation;
