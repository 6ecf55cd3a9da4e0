"""Crisis-language screening, pure: `screen.screen(text)` names the safety script to show."""
