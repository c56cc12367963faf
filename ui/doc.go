// Package ui is mps's dashboard, on Bubble Tea v2. The command line
// (ui/cli) builds its Config and runs it with Run.
//
// Where things are:
//   - The root model: app.go (the model and its Update), app_input.go
//     (input order: a dialog, then the filter line, then the focused view's
//     bindings, then the global keys), app_view.go, statusbar.go, help.go.
//   - Keys: keys.go names every key once; bindings.go is how a view
//     declares what its keys do, with a disabled reason where one applies.
//     The footer and ? are drawn from those declarations.
//   - The data: shared.go is what every view shares (the client, the
//     IDs, the size, the theme); data.go holds the solutions and the
//     customers once, with a version that tells each view when to redraw.
//   - The views: tab.go (the interface), tab_solutions.go, tab_pending.go,
//     tab_partners.go, tab_customers.go, tab_events.go, tab_history.go
//     (the journal); doctor_view.go (the setup checks, !, over the tabs);
//     customers_checklist.go (the Customers tab's onboarding checklist,
//     read lazily for the rows on screen); inspector.go, inspector_customers.go and
//     inspector_actions.go (one solution); confirm.go (the dialog) and
//     confirm_reason.go (its reason line); create_form.go (n's form) and
//     textfield.go (the text inputs); cells.go (the cells and styles the
//     tables share).
//   - Actions: actions.go (the read before the dialog, the dialog's
//     answer, the outcome put in place), create.go (the same for a new
//     solution); graph_cmds.go and create_cmds.go send them through ui/act,
//     which journals every POST. setup_actions.go, setup_request.go and
//     setup_cmds.go do the same for a customer's two fixes (w subscribes
//     our app, $ shares our credit line).
//   - IO: every command is a tea.Cmd in a *_cmds.go file (graph_cmds.go,
//     events_cmds.go, onboarded_cmds.go, create_cmds.go, journal_cmds.go,
//     setup_cmds.go);
//     their results carry an Origin and a sequence number, and stale ones
//     are dropped.
//   - Webhook news: events_news.go and customers_news.go read again what
//     a webhook named, one object each.
package ui
