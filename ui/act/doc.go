// Package act sends the changes mps asks Graph to make, the one way the
// dashboard and the commands share: each action is written to the journal
// before its POST goes, sent by graph.RunAction (once, never retried blindly,
// the solution read again), and its outcome recorded after. An action the
// journal cannot record is not sent. Complete finishes the entries that a
// run of mps left in flight, by reading their objects once.
package act
