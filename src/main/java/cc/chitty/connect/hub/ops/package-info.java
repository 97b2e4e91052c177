/** What operators and probes see: the public /health document, dependency health indicators, the ready banner. */
package cc.chitty.connect.hub.ops;
