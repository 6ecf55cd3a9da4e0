"""Schedule maths, pure: rules and local times in, due reminder rows (UTC) out."""
