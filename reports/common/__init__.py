"""What every public report shares: who it is for and what it rests on (context), the focus page
(focus), and their queries (sql/). The reports call these; nothing here draws."""
