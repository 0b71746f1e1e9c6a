/**
 * The Azure Run Command domain, at the bottom of the code: which control-plane actions run a command on a machine,
 * what a resource id names, how the VM agent starts a script on the guest, and the candidate prefilter every rule's
 * condition implies. Plain Java on plain values: no Flink, no JSON, no other package of the job. The parsers and the
 * rules both call it; neither owns it.
 */
package io.github.rcdetect.domain;
