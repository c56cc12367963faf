package ui

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"mps/graph"
	"mps/ui/text"
)

// createTitle names the create, in the form, the dialog and help.
const createTitle = "Create solution"

// formField is a part of the create form, in the order it asks them.
type formField int

const (
	fieldName formField = iota
	fieldPartner
	fieldSender
	formFields
)

// createForm asks for a new solution: its name, checked as typed by
// graph's rule; the partner's app ID, digits only, whose app name mps reads
// when the field is left; and who sends the customers' messages. enter on
// the last part opens the confirm dialog, once every check passes and the
// app's name has been read (or could not be). Nothing is sent from here.
type createForm struct {
	ctx     *Shared
	name    textinput.Model
	partner textinput.Model
	sender  graph.Sender
	focus   formField
	note    string // why the last key typed nothing
	tried   bool   // enter was pressed on an incomplete form: every check shows
	app     appNameState
	// review opens the confirm dialog; cancel closes the form.
	review func(createRequest)
	cancel func()
}

// appNameState is the read of the partner app's name, for one ID.
type appNameState struct {
	id      string // the ID read or being read; "" before any
	seq     uint64
	loading bool
	name    string
	err     error
	stop    context.CancelFunc
}

// createRequest is a new solution as the form gave it and the confirm
// dialog shows it: what is sent, and the partner app's name as read.
type createRequest struct {
	New graph.NewSolution // normalized
	// PartnerName is the partner app's name as read; PartnerErr says why
	// it could not be read.
	PartnerName string
	PartnerErr  error
}

func newCreateForm(c *Shared, review func(createRequest), cancel func()) *createForm {
	f := &createForm{ctx: c, review: review, cancel: cancel,
		name:    newTextField(c, "the name partners and customers see"),
		partner: newTextField(c, "digits, such as 21202248997039"),
	}
	f.name.Focus()
	return f
}

// typing says a text field has focus: keys that are no binding are text.
func (f *createForm) typing() bool { return f != nil && f.focus != fieldSender }

func (f *createForm) busy() bool { return f != nil && f.app.loading }

func (f *createForm) field() *textinput.Model {
	switch f.focus {
	case fieldName:
		return &f.name
	case fieldPartner:
		return &f.partner
	}
	return nil
}

// Bindings are the form's keys where its focus is.
func (f *createForm) Bindings() []Binding {
	k := f.ctx.Keys
	out := []Binding{
		{Key: described(k.Back, "cancel"), Handler: withoutCmd(f.close)},
		{Key: k.FieldNext, Handler: withCmd(func() tea.Cmd { return f.moveTo(f.focus + 1) })},
		{Key: k.FieldPrev, Handler: withCmd(func() tea.Cmd { return f.moveTo(f.focus + formFields - 1) })},
	}
	if f.focus != fieldSender {
		return append(out, Binding{Key: described(k.FieldDone, "next field"), Handler: withCmd(func() tea.Cmd { return f.moveTo(f.focus + 1) })})
	}
	return append(out,
		Binding{Key: k.Choose, Handler: withoutCmd(f.toggleSender)},
		Binding{Key: described(k.FieldDone, "review and confirm"), Handler: withoutCmd(f.submit), Disabled: f.notReady},
	)
}

func (f *createForm) close() {
	f.stopRead()
	f.cancel()
}

// moveTo focuses another part (cyclically); leaving the partner's app ID
// reads its app's name.
func (f *createForm) moveTo(to formField) tea.Cmd {
	left := f.focus
	if fld := f.field(); fld != nil {
		fld.Blur()
	}
	f.focus, f.note = to%formFields, ""
	if fld := f.field(); fld != nil {
		fld.Focus()
	}
	if left == fieldPartner {
		return f.readAppName()
	}
	return nil
}

func (f *createForm) toggleSender() {
	if f.sender == graph.SenderUs {
		f.sender = graph.SenderPartner
		return
	}
	f.sender = graph.SenderUs
}

// typeKey types a key into the focused text field. The app ID field
// takes digits only: another character is not typed, and the note says so.
func (f *createForm) typeKey(k tea.KeyPressMsg) {
	fld := f.field()
	if fld == nil {
		return
	}
	if f.focus == fieldPartner && k.Text != "" && strings.IndexFunc(k.Text, func(r rune) bool { return !unicode.IsDigit(r) || r > unicode.MaxASCII }) >= 0 {
		f.note = fmt.Sprintf("App IDs are digits only: %q was not typed.", text.Sanitize(k.Text))
		return
	}
	f.note = ""
	editField(fld, k)
}

// paste puts pasted text in the focused text field; the checks as typed
// then say what is wrong with it.
func (f *createForm) paste(msg tea.PasteMsg) {
	if fld := f.field(); fld != nil {
		if f.focus == fieldPartner {
			msg.Content = strings.TrimSpace(msg.Content)
		}
		editField(fld, msg)
	}
}

// solution is the solution as the form holds it.
func (f *createForm) solution() graph.NewSolution {
	return graph.NewSolution{Name: f.name.Value(), PartnerAppID: f.partner.Value(), Messaging: f.sender}.Normalized()
}

// notReady is why the form cannot go to its dialog yet, or "".
func (f *createForm) notReady() string {
	n := f.solution()
	if err := n.Check(f.ctx.AppID); err != nil {
		return "Not yet: " + text.Sanitize(err.Error()) + "."
	}
	switch {
	case f.app.id != n.PartnerAppID:
		return "Not yet: the partner app's name is read first (leave its field with tab)."
	case f.app.loading:
		return "Still reading the partner app's name; wait for it."
	}
	return ""
}

func (f *createForm) submit() {
	f.tried = true
	if f.notReady() != "" {
		return
	}
	f.review(createRequest{New: f.solution(), PartnerName: f.app.name, PartnerErr: f.app.err})
}

// readAppName reads the partner app's name when its ID passes the check
// and was not read yet; a read for another ID stops.
func (f *createForm) readAppName() tea.Cmd {
	id := f.solution().PartnerAppID
	if graph.CheckPartnerAppID(id, f.ctx.AppID) != nil || id == f.app.id {
		return nil
	}
	f.stopRead()
	ctx, stop := context.WithCancel(f.ctx.Ctx)
	f.app = appNameState{id: id, seq: f.ctx.host.nextSeq(), loading: true, stop: stop}
	return readAppName(ctx, f.ctx, Origin{Tab: createTab, Seq: f.app.seq}, id)
}

func (f *createForm) stopRead() {
	if f.app.stop != nil {
		f.app.stop()
	}
}

// takeAppName keeps the answer to the latest read only.
func (f *createForm) takeAppName(msg appNameMsg) {
	if msg.Seq != f.app.seq || msg.AppID != f.app.id {
		return
	}
	f.app.loading, f.app.name, f.app.err = false, msg.Name, msg.Err
}

// View draws the form in width x height cells; on a short screen it drops
// its blank lines, then the lines under the parts without focus.
func (f *createForm) View(width, height int) string {
	m, st := f.ctx.Measure, f.ctx.Styles
	inner := dialogInner(width)
	var lines []string
	for fit := fitSpaced; fit <= fitCompact; fit++ {
		if lines = f.lines(inner, fit); len(lines)+2 <= height {
			break
		}
	}
	return centred(m, framed(m, st.Dialog, lines, inner), width, height)
}

// lines are the form's lines at one level of fit: fitTight drops the
// blank lines, fitCompact also what is under the parts without focus.
func (f *createForm) lines(inner int, fit dialogFit) []string {
	m, st := f.ctx.Measure, f.ctx.Styles
	cut := func(s string) string { return m.Truncate(s, inner) }
	lines := []string{st.Header.Render(cut(createTitle))}
	blank := func() {
		if fit == fitSpaced {
			lines = append(lines, "")
		}
	}
	under := func(field formField, more []string) {
		if fit < fitCompact || f.focus == field {
			lines = append(lines, more...)
		}
	}
	blank()
	label := func(field formField, name string) string {
		mark := "  "
		if f.focus == field {
			mark = "› "
		}
		return mark + name
	}
	const labelWidth = 14
	row := func(field formField, name string, fld *textinput.Model) string {
		return m.PadRight(label(field, name), labelWidth) + fieldBox(f.ctx, fld, max(inner-labelWidth, 1))
	}
	lines = append(lines, row(fieldName, "Name", &f.name))
	under(fieldName, f.nameLines(inner-labelWidth))
	lines = append(lines, row(fieldPartner, "Partner app", &f.partner))
	under(fieldPartner, f.partnerLines(inner-labelWidth))
	lines = append(lines, m.PadRight(label(fieldSender, "Messaging"), labelWidth)+f.senderChoice())
	under(fieldSender, f.indented(st.Muted, f.sender.Meaning(), inner-labelWidth))
	blank()
	switch reason := f.notReady(); {
	case f.note != "":
		lines = append(lines, strings.Split(st.Danger.Render(m.Wrap(f.note, inner)), "\n")...)
	case reason != "" && f.tried:
		lines = append(lines, strings.Split(st.Danger.Render(m.Wrap(reason, inner)), "\n")...)
	case reason == "":
		lines = append(lines, st.Muted.Render(cut("Ready: enter on Messaging shows what will be created.")))
	default:
		lines = append(lines, st.Muted.Render(cut("Nothing is sent before the confirm dialog.")))
	}
	return lines
}

// hint is a field's verdict under it, wrapped to width and indented to
// the fields: an error once there is something to judge (or enter was
// pressed), else a muted word on what is wanted.
func (f *createForm) hint(err error, typed bool, ok, want string, width int) []string {
	st := f.ctx.Styles
	style, say := st.Muted, ok
	switch {
	case err != nil && (typed || f.tried):
		style, say = st.Danger, text.Sanitize(err.Error())
	case err != nil:
		say = want
	}
	return f.indented(style, say, width)
}

// indented is s wrapped to width, each line under the fields.
func (f *createForm) indented(style lipgloss.Style, s string, width int) []string {
	lines := strings.Split(f.ctx.Measure.Wrap(s, max(width, 10)), "\n")
	for i, l := range lines {
		lines[i] = strings.Repeat(" ", 14) + style.Render(l)
	}
	return lines
}

func (f *createForm) nameLines(width int) []string {
	n := len([]rune(strings.TrimSpace(f.name.Value())))
	count := fmt.Sprintf("%d/%d characters", n, graph.SolutionNameMax)
	return f.hint(graph.CheckSolutionName(f.name.Value()), f.name.Value() != "", count, fmt.Sprintf("%d to %d characters", graph.SolutionNameMin, graph.SolutionNameMax), width)
}

func (f *createForm) partnerLines(width int) []string {
	id := f.solution().PartnerAppID
	err := graph.CheckPartnerAppID(id, f.ctx.AppID)
	ok := "its name is read when you leave the field"
	switch {
	case err != nil || f.app.id != id:
	case f.app.loading:
		ok = "reading the app's name…"
	case f.app.err != nil:
		return f.indented(f.ctx.Styles.Danger, "its name could not be read: "+text.Sanitize(errorDetail(f.app.err)), width)
	default:
		ok = "app: " + text.Sanitize(f.app.name)
	}
	return f.hint(err, id != "", ok, "the app invited to the solution", width)
}

func (f *createForm) senderChoice() string {
	st := f.ctx.Styles
	choice := func(s graph.Sender, label string) string {
		if f.sender == s {
			return st.ButtonFocus.Render("(•) " + label)
		}
		return st.Button.Render("( ) " + label)
	}
	return choice(graph.SenderUs, "us") + " " + choice(graph.SenderPartner, "the partner")
}
