package table

import "charm.land/lipgloss/v2"

type lipglossStyle = lipgloss.Style

func greenStyle() lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color("2")) }
