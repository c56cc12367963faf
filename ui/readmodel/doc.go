// Package readmodel joins what webhooks reported (the event log,
// store/eventlog) with what Graph lists, for the dashboard and the commands
// alike: the onboarding gauge, the reconciliation with the WABAs that
// client_whatsapp_business_accounts lists, a solution's onboarded customers
// and the age of each request's status. LogSink, the webhook receiver's
// sink that appends to the log, lives here too: it is where graph/webhook
// and store/eventlog meet, and graph and store never import each other.
package readmodel
