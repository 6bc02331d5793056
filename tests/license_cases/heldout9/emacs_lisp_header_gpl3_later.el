;;; kanji-count.el --- Count kanji, kana and latin characters in a buffer  -*- lexical-binding: t; -*-

;; Copyright (C) 2023-2025  Sayaka Mori

;; Author: Sayaka Mori <sayaka@mori.example>
;; Version: 1.2.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: i18n, convenience
;; URL: https://git.mori.example/kanji-count

;; This file is not part of GNU Emacs.

;; This program is free software; you can redistribute it and/or modify
;; it under the terms of the GNU General Public License as published by
;; the Free Software Foundation, either version 3 of the License, or
;; (at your option) any later version.

;; This program is distributed in the hope that it will be useful,
;; but WITHOUT ANY WARRANTY; without even the implied warranty of
;; MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
;; GNU General Public License for more details.

;; You should have received a copy of the GNU General Public License
;; along with this program.  If not, see <https://www.gnu.org/licenses/>.

;;; Commentary:

;; M-x kanji-count shows the counts in the echo area.

;;; Code:

(defun kanji-count ()
  "Show how many kanji, kana and latin letters the buffer holds."
  (interactive)
  (let ((kanji 0) (kana 0) (latin 0))
    (save-excursion
      (goto-char (point-min))
      (while (not (eobp))
        (let ((c (char-after)))
          (cond ((and (>= c #x4E00) (<= c #x9FFF)) (setq kanji (1+ kanji)))
                ((and (>= c #x3040) (<= c #x30FF)) (setq kana (1+ kana)))
                ((and (>= (downcase c) ?a) (<= (downcase c) ?z)) (setq latin (1+ latin)))))
        (forward-char 1)))
    (message "kanji %d, kana %d, latin %d" kanji kana latin)))

(provide 'kanji-count)
;;; kanji-count.el ends here
