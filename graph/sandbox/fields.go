package sandbox

import (
	"fmt"
	"strconv"
)

// field is one entry of a `fields` parameter: a name, an optional
// .limit(n), and, when braces follow, the subfields asked for.
type field struct {
	name   string
	limit  int     // -1 when no .limit(n) was given
	sub    []field // the fields inside braces
	hasSub bool    // braces were given
}

const (
	maxFieldsLen   = 4096
	maxFieldsDepth = 8
)

// fieldsError says where a fields parameter stopped making sense.
type fieldsError struct {
	pos int
	msg string
	src string
}

func (e *fieldsError) Error() string {
	return fmt.Sprintf("Syntax error \"%s\" at character %d: %s", e.msg, e.pos, e.src)
}

// parseFields parses Graph's field-expansion syntax, e.g.
// `name,partners.limit(5){partner_app{name},status}`. An empty string
// means "the default fields" and yields nil.
func parseFields(src string) ([]field, error) {
	if src == "" {
		return nil, nil
	}
	if len(src) > maxFieldsLen {
		return nil, &fieldsError{0, fmt.Sprintf("fields is longer than %d characters", maxFieldsLen), ""}
	}
	p := fieldsParser{src: src}
	list, err := p.list(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.src) {
		return nil, p.fail("Expected end of string instead of %q.", p.src[p.pos:p.pos+1])
	}
	return list, nil
}

type fieldsParser struct {
	src string
	pos int
}

func (p *fieldsParser) fail(format string, args ...any) error {
	return &fieldsError{pos: p.pos, msg: fmt.Sprintf(format, args...), src: p.src}
}

func (p *fieldsParser) space() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n') {
		p.pos++
	}
}

func (p *fieldsParser) peek() byte {
	p.space()
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// list reads `field (, field)*`.
func (p *fieldsParser) list(depth int) ([]field, error) {
	if depth > maxFieldsDepth {
		return nil, p.fail("Fields are nested more than %d levels deep.", maxFieldsDepth)
	}
	var out []field
	for {
		f, err := p.field(depth)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
		if p.peek() != ',' {
			return out, nil
		}
		p.pos++
	}
}

func (p *fieldsParser) field(depth int) (field, error) {
	f := field{limit: -1}
	name, err := p.ident()
	if err != nil {
		return f, err
	}
	f.name = name
	for p.peek() == '.' {
		p.pos++
		if err := p.modifier(&f); err != nil {
			return f, err
		}
	}
	if p.peek() == '{' {
		p.pos++
		if p.peek() == '}' {
			return f, p.fail("Expected a field name inside the braces of %s.", name)
		}
		sub, err := p.list(depth + 1)
		if err != nil {
			return f, err
		}
		if p.peek() != '}' {
			return f, p.fail("Expected \"}\" to close the fields of %s.", name)
		}
		p.pos++
		f.sub, f.hasSub = sub, true
	}
	return f, nil
}

func (p *fieldsParser) ident() (string, error) {
	p.space()
	start := p.pos
	for p.pos < len(p.src) && isIdentByte(p.src[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		if p.pos >= len(p.src) {
			return "", p.fail("Expected a field name at the end.")
		}
		return "", p.fail("Expected a field name instead of %q.", p.src[p.pos:p.pos+1])
	}
	return p.src[start:p.pos], nil
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// modifier reads `name(arg)` after a dot. Only limit is supported.
func (p *fieldsParser) modifier(f *field) error {
	name, err := p.ident()
	if err != nil {
		return err
	}
	if name != "limit" {
		return p.fail("Unsupported modifier %s on %s; only limit(n) is supported.", name, f.name)
	}
	if f.limit >= 0 {
		return p.fail("limit is given twice on %s.", f.name)
	}
	if p.peek() != '(' {
		return p.fail("Expected \"(\" after limit.")
	}
	p.pos++
	p.space()
	start := p.pos
	for p.pos < len(p.src) && '0' <= p.src[p.pos] && p.src[p.pos] <= '9' {
		p.pos++
	}
	n, err := strconv.Atoi(p.src[start:p.pos])
	if err != nil || n > 1<<20 {
		p.pos = start
		return p.fail("limit on %s needs a whole number.", f.name)
	}
	if p.peek() != ')' {
		return p.fail("Expected \")\" after the limit of %s.", f.name)
	}
	p.pos++
	f.limit = n
	return nil
}
