"""benchhouse reports: one module per report (it gathers data from the views, it never draws), the
read handle and period window they share, and, in rooms of their own, the rendering and the delivery."""
